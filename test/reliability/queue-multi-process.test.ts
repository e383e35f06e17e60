import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithRedis, type RedisServer, startRedisServer } from '../support/redis-server.js';
import {
  counts,
  deleteCompleteEvent,
  deliver,
  expectAlive,
  inParallel,
  type QueueSetup,
  queueSetup,
  type Receiver,
  startReceiver,
  startWorker,
  type WorkerProcess,
} from './queue-processes.js';

// Two receivers and two workers in four processes, one Redis: 1 000 events over real HTTP, with
// duplicate deliveries mixed in (to either receiver, also at the same time as the original). Every event
// is answered 202, becomes one job, and is processed by exactly one handler run.
describeWithRedis('queue hand-off across processes: two receivers, two workers', () => {
  let redis: RedisServer;
  let setup: QueueSetup;
  let receivers: Receiver[];
  let workers: WorkerProcess[];

  beforeAll(async () => {
    redis = await startRedisServer();
    setup = queueSetup(redis.url);
    [receivers, workers] = await Promise.all([
      Promise.all([startReceiver(setup, 'receiver a'), startReceiver(setup, 'receiver b')]),
      Promise.all([startWorker(setup, 'worker a'), startWorker(setup, 'worker b')]),
    ]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([...(receivers ?? []), ...(workers ?? [])].map(({ process }) => process.stop()));
    await redis?.stop();
  });

  it('processes each of 1 000 events exactly once; duplicates add no job', async () => {
    const events = Array.from({ length: 1_000 }, () => deleteCompleteEvent());
    // Every fifth event is delivered twice more: once next to the original, once much later.
    const deliveries = events.flatMap((event, index) => (index % 5 === 0 ? [event, event] : [event]));
    for (let index = 0; index < events.length; index += 5)
      deliveries.push(events[index] as (typeof events)[0]);
    const answers = await inParallel(deliveries, 32, (event) =>
      deliver(receivers[Math.floor(Math.random() * 2)] as Receiver, event),
    );
    expect(deliveries.length).toBe(1_400);
    expect(new Set(answers.map((a) => `${a.status} ${a.outcome}`))).toEqual(new Set(['202 queued']));

    const run = await counts(setup);
    try {
      await expect
        .poll(async () => (await run.processed()).size, { timeout: 30_000, interval: 200 })
        .toBe(1_000);
      await new Promise((resolve) => setTimeout(resolve, 300)); // a second run would show up now
      const processed = await run.processed();
      expect([...processed.values()].filter((count) => count !== 1)).toEqual([]);
      expect(new Set(processed.keys())).toEqual(new Set(events.map((event) => event.id)));
      const started = await run.started();
      expect([...started.values()].filter((count) => count !== 1)).toEqual([]);
      const jobs = await run.client.keys(`bull:${setup.queueName}:fusionauth.*`);
      expect(jobs.filter((key) => !key.endsWith(':lock') && !key.endsWith(':logs'))).toHaveLength(1_000);
    } finally {
      run.close();
    }

    // Both workers took a share.
    for (const worker of workers) {
      expect(
        worker.process.messages.filter((m) => m.processed !== undefined).length,
        worker.name,
      ).toBeGreaterThan(0);
    }
    expectAlive(...receivers, ...workers);
  }, 60_000);
});
