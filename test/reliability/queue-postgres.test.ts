/**
 * The queue hand-off with its jobs in PostgreSQL (BullMQ's PostgreSQL backend), no Redis anywhere: over
 * real HTTP through every adapter, 202 once PostgreSQL holds the job, one job per event; a worker runs
 * it once, retries a failure after a backoff and dead-letters what keeps failing; 503 while PostgreSQL
 * is down, 202 again once it is back.
 */
import { randomUUID } from 'node:crypto';
import { silentLogger } from '@authhooks/core';
import { fusionAuthEvents } from '@authhooks/fusionauth';
import { createWorker, type QueueWorker, type WebhookQueue, webhookQueue } from '@authhooks/queue';
import { fusionAuthBody, fusionAuthSample } from '@authhooks/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapters, type Running } from '../helpers/adapters.js';
import { send } from '../helpers/requests.js';
import {
  describeWithPostgres,
  type PostgresServer,
  startPostgresServer,
} from '../support/postgres-server.js';

const authorization = 'queue-postgres-authorization';
const headers = { 'content-type': 'application/json', authorization };
const deliver = (url: string, event: object) =>
  send(url, { headers, body: fusionAuthBody(event as Record<string, unknown>) });

describeWithPostgres('enqueue over HTTP into PostgreSQL', () => {
  let server: PostgresServer;
  const queues: WebhookQueue[] = [];
  const servers: Running[] = [];
  const workers: QueueWorker[] = [];
  const newQueue = () => {
    const queue = webhookQueue({ postgres: server.url, name: `pg-${randomUUID()}`, logger: silentLogger });
    queues.push(queue);
    return queue;
  };
  const start = async (adapter: (typeof adapters)[number], queue: WebhookQueue) => {
    const running = await adapter.start({ authorization, logger: silentLogger }, (routes) =>
      routes.enqueue(['user.delete.complete'], queue),
    );
    servers.push(running);
    return running.url;
  };

  beforeAll(async () => {
    server = await startPostgresServer();
    await newQueue().migrate();
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.close()));
    await Promise.all(servers.map((running) => running.close()));
    await Promise.all(queues.map((queue) => queue.close()));
    await server?.stop();
  });

  describe.each(adapters.map((adapter) => [adapter.name, adapter] as const))('%s', (_name, adapter) => {
    it('answers 202 queued once PostgreSQL holds the job; a duplicate adds nothing', async () => {
      const queue = newQueue();
      const url = await start(adapter, queue);
      const event = fusionAuthSample('user.delete.complete');
      const first = await deliver(url, event);
      expect([first.status, first.json]).toEqual([
        202,
        { outcome: 'queued', eventId: event.id, eventType: 'user.delete.complete' },
      ]);
      expect((await deliver(url, event)).status).toBe(202);
      const jobs = await queue.bullmq.getJobs(['waiting']);
      expect(jobs.map((job) => job.id)).toEqual([`fusionauth.${event.id}`]);
      expect(jobs[0]?.data).toMatchObject({
        provider: 'fusionauth',
        id: event.id,
        type: 'user.delete.complete',
      });
    });
  });

  it('a worker runs each job once, retries a failure after a backoff, and dead-letters what keeps failing', async () => {
    const queue = newQueue();
    const url = await start(adapters[0] as (typeof adapters)[number], queue);
    const runs = new Map<string, number>();
    const worker = createWorker(queue, {
      events: fusionAuthEvents,
      logger: silentLogger,
      shutdownSignals: false,
      attempts: 2,
      backoff: { delayMs: 20 },
    }).on('user.delete.complete', (event) => {
      const run = (runs.get(event.id) ?? 0) + 1;
      runs.set(event.id, run);
      if (event.user.email === 'flaky@example.com' && run === 1) throw new Error('the first attempt fails');
      if (event.user.email === 'broken@example.com') throw new Error('always fails');
    }) as unknown as QueueWorker;
    workers.push(worker);
    await worker.start();

    const fine = fusionAuthSample('user.delete.complete');
    const flaky = fusionAuthSample('user.delete.complete', { user: { email: 'flaky@example.com' } });
    const broken = fusionAuthSample('user.delete.complete', { user: { email: 'broken@example.com' } });
    for (const event of [fine, flaky, broken]) expect((await deliver(url, event)).status).toBe(202);
    await expect
      .poll(() => queue.counts(), { timeout: 15_000, interval: 100 })
      .toMatchObject({ completed: 2, failed: 1 });
    expect([runs.get(fine.id), runs.get(flaky.id), runs.get(broken.id)]).toEqual([1, 2, 2]);
    const [letter] = await queue.failed();
    expect(letter).toMatchObject({ id: `fusionauth.${broken.id}`, error: 'always fails', attempts: 2 });
  });

  it('answers 503 while PostgreSQL is down, and 202 again once it is back', async () => {
    const queue = newQueue();
    const url = await start(adapters[0] as (typeof adapters)[number], queue);
    expect((await deliver(url, fusionAuthSample('user.delete.complete'))).status).toBe(202);
    await server.stop('SIGKILL');
    const event = fusionAuthSample('user.delete.complete');
    const down = await deliver(url, event);
    expect([down.status, down.json.outcome]).toEqual([503, 'unavailable']);
    await server.start();
    await expect
      .poll(async () => (await deliver(url, event)).status, { timeout: 15_000, interval: 200 })
      .toBe(202);
  });
});
