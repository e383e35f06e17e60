import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithRedis, type RedisServer, startRedisServer } from '../support/redis-server.js';
import {
  type Answer,
  counts,
  deleteCompleteEvent,
  deliver,
  expectAlive,
  type QueueSetup,
  queueSetup,
  type Receiver,
  startReceiver,
  startWorker,
  type WorkerProcess,
} from './queue-processes.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Redis stops in the middle of a stream of deliveries, as a Redis with persistence stops (SHUTDOWN SAVE,
// then the same data at restart). Receivers answer 202 or 503 in time and do not crash; every event
// answered 202 is processed once Redis is back; the 503 ones are accepted when sent again.
describeWithRedis('queue hand-off when Redis stops and comes back', () => {
  let redis: RedisServer;
  let setup: QueueSetup;
  let receivers: Receiver[];
  let workers: WorkerProcess[];

  beforeAll(async () => {
    redis = await startRedisServer();
    setup = queueSetup(redis.url);
    // Short locks: a job a worker held when Redis stopped comes back soon after the restart. Slow
    // handlers: jobs pile up, so some acknowledged ones are still waiting when Redis stops.
    const workerSettings = { lockMs: 2_000, stalledMs: 1_000, slowMs: 300 };
    [receivers, workers] = await Promise.all([
      Promise.all([startReceiver(setup, 'receiver a'), startReceiver(setup, 'receiver b')]),
      Promise.all([
        startWorker(setup, 'worker a', workerSettings),
        startWorker(setup, 'worker b', workerSettings),
      ]),
    ]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([...(receivers ?? []), ...(workers ?? [])].map(({ process }) => process.stop()));
    await redis?.stop();
  });

  it('answers 202 or 503 without crashing, loses no acknowledged job, and resumes after the restart', async () => {
    const events = Array.from({ length: 240 }, () => deleteCompleteEvent('slow'));
    const run = await counts(setup);
    const answers: Promise<Answer>[] = [];
    for (const [index, event] of events.entries()) {
      answers.push(deliver(receivers[index % 2] as Receiver, event, 5_000));
      if (index === 80) {
        // Persist and stop, as a Redis with persistence does; the reply never comes.
        run.client.call('SHUTDOWN', 'SAVE').catch(() => {});
      }
      await sleep(8);
    }
    const settled = await Promise.allSettled(answers);
    const hung = settled.filter((result) => result.status === 'rejected');
    expect(hung.map((result) => String((result as PromiseRejectedResult).reason))).toEqual([]);
    const seen = settled.map((result) => (result as PromiseFulfilledResult<Answer>).value);
    const kinds = new Set(seen.map((answer) => `${answer.status} ${answer.outcome}`));
    expect([...kinds].filter((kind) => kind !== '202 queued' && kind !== '503 unavailable')).toEqual([]);
    expect(kinds).toContain('503 unavailable');
    const acknowledged = events.filter((_, index) => seen[index]?.status === 202);
    expect(acknowledged.length).toBeGreaterThanOrEqual(80);
    expectAlive(...receivers, ...workers);

    await redis.restart();
    const processedBeforeTheStop = (await run.processed()).size;
    expect(processedBeforeTheStop, 'acknowledged jobs still waiting when Redis stopped').toBeLessThan(
      acknowledged.length,
    );
    // What was refused is sent again (a retry, or a re-send from FusionAuth's Webhook Event Log): accepted now.
    const refused = events.filter((_, index) => seen[index]?.status !== 202);
    for (const [index, event] of refused.entries()) {
      await expect
        .poll(async () => (await deliver(receivers[index % 2] as Receiver, event)).status, {
          timeout: 10_000,
          interval: 100,
        })
        .toBe(202);
    }

    try {
      await expect
        .poll(async () => (await run.processed()).size, { timeout: 30_000, interval: 250 })
        .toBe(events.length);
      const processed = await run.processed();
      const lost = acknowledged.filter((event) => !processed.has(event.id));
      expect(lost.map((event) => event.id)).toEqual([]);
      // At least once: a job that was running when Redis stopped may run again after the restart.
      expect([...processed.values()].every((count) => count >= 1)).toBe(true);
    } finally {
      run.close();
    }
    expectAlive(...receivers, ...workers);
  }, 80_000);
});
