import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithRedis, type RedisServer, startRedisServer } from '../support/redis-server.js';
import {
  counts,
  deleteCompleteEvent,
  deliver,
  type QueueSetup,
  queueSetup,
  type Receiver,
  startReceiver,
  startWorker,
  type WorkerProcess,
} from './queue-processes.js';

// Workers that stop mid-job: killed (SIGKILL), the job's lock expires and BullMQ's stalled check hands it
// to the other worker; asked to stop (SIGTERM), the worker finishes the job, then the process ends.
describeWithRedis('queue workers that stop mid-job', () => {
  let redis: RedisServer;
  let setup: QueueSetup;
  let receiver: Receiver;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
    setup = queueSetup(redis.url);
    receiver = await startReceiver(setup, 'receiver');
  }, 60_000);
  afterAll(async () => {
    await Promise.all([receiver, ...workers].map((one) => one?.process.stop()));
    await redis?.stop();
  });

  it('a job whose worker is killed with SIGKILL is taken up by the other worker', async () => {
    const stalledSettings = { lockMs: 1_000, stalledMs: 500, concurrency: 2 };
    const pair = await Promise.all([
      startWorker(setup, 'worker 1', stalledSettings),
      startWorker(setup, 'worker 2', stalledSettings),
    ]);
    workers.push(...pair);
    const event = deleteCompleteEvent('hang-first');
    expect(await deliver(receiver, event)).toEqual({ status: 202, outcome: 'queued' });
    const first = await Promise.race(
      pair.map((worker) => worker.process.next((m) => m.running === event.id).then(() => worker)),
    );
    const other = pair.find((worker) => worker !== first) as WorkerProcess;

    await first.process.stop('SIGKILL');
    const taken = await other.process.next((m) => m.processed === event.id, 15_000);
    expect(taken.worker).toBe(other.name);

    const run = await counts(setup);
    try {
      expect((await run.started()).get(event.id)).toBe(2);
      expect((await run.processed()).get(event.id)).toBe(1);
    } finally {
      run.close();
    }
    await other.process.stop();
  }, 40_000);

  it('SIGTERM lets the running job finish, then ends the worker process', async () => {
    const worker = await startWorker(setup, 'worker stopped', { slowMs: 800 });
    workers.push(worker);
    const event = deleteCompleteEvent('slow');
    expect(await deliver(receiver, event)).toEqual({ status: 202, outcome: 'queued' });
    await worker.process.next((m) => m.running === event.id && m.worker === 'worker stopped');
    await worker.process.stop('SIGTERM');
    expect(worker.process.messages.some((m) => m.processed === event.id)).toBe(true);
    expect(worker.process.child.signalCode ?? worker.process.child.exitCode).toBe('SIGTERM');
    expect(worker.process.stderr()).toBe('');
  }, 40_000);
});
