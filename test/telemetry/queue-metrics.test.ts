// Queue jobs counted by what happened to them (authhooks.queue.jobs), with the real SDK: a receiver
// over HTTP enqueues into a real Redis and a worker in the same process runs the jobs.
import { randomUUID } from 'node:crypto';
import { type FusionAuthContext, type FusionAuthEventMap, fusionAuthEvents } from '@authhooks/fusionauth';
import { createWorker, type QueueWorker, webhookQueue } from '@authhooks/queue';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { nodeHttpAdapter, type Running } from '../helpers/adapters.js';
import { send } from '../helpers/requests.js';
import { captureLogger } from '../support/capture-logger.js';
import { type OtelSdk, startOtelSdk } from '../support/otel-sdk.js';
import { describeWithRedis, type RedisServer, startRedisServer } from '../support/redis-server.js';

const key = 'queue-metrics-key';
const headers = { 'content-type': 'application/json', authorization: key };

describeWithRedis('queue metrics', () => {
  let sdk: OtelSdk;
  let redis: RedisServer;
  let server: Running;
  let queue: ReturnType<typeof webhookQueue>;
  let worker: QueueWorker<FusionAuthEventMap, FusionAuthContext>;

  beforeAll(async () => {
    sdk = startOtelSdk();
    redis = await startRedisServer();
    queue = webhookQueue({ connection: redis.url, name: `metrics-${randomUUID()}`, logger: captureLogger() });
    server = await nodeHttpAdapter.start({ authorization: key, logger: captureLogger() }, (routes) =>
      routes.enqueue('user.delete.complete', queue),
    );
    worker = createWorker(queue, {
      events: fusionAuthEvents,
      logger: captureLogger(),
      attempts: 2,
      backoff: { delayMs: 10 },
      shutdownSignals: false,
    }).on('user.delete.complete', (event) => {
      if (event.user.id === 'always-fails') throw new Error('gone wrong');
    });
    await worker.start();
  }, 30_000);
  afterAll(async () => {
    await server?.close();
    await worker?.close();
    await queue?.close();
    await redis?.stop();
    await sdk?.stop();
  });

  it('counts enqueued, completed, retried and dead-lettered jobs', async () => {
    const jobs = (state: string) =>
      sdk.sum('authhooks.queue.jobs', {
        'authhooks.queue.name': queue.name,
        'authhooks.queue.job.state': state,
      });
    for (const userId of ['fine', 'always-fails']) {
      const body = JSON.stringify({
        event: { type: 'user.delete.complete', id: randomUUID(), user: { id: userId } },
      });
      expect((await send(server.url, { headers, body })).status).toBe(202);
    }
    expect(await jobs('enqueued')).toBe(2);
    await expect.poll(() => jobs('dead_lettered'), { timeout: 10_000 }).toBe(1);
    expect(await jobs('completed')).toBe(1);
    expect(await jobs('retried')).toBe(1);
  }, 20_000);
});
