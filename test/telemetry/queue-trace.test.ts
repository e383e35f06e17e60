// The queue hand-off traced across processes: a receiver process (node:http) enqueues into Redis, a
// worker process runs the job. Both register the real SDK. The worker's span links to the delivery's
// span (the trace context travels in the job), its handlers' spans and log lines sit inside it, and a
// retried attempt is a second linked span.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { send } from '../helpers/requests.js';
import { describeWithRedis, type RedisServer, startRedisServer } from '../support/redis-server.js';
import { expectResolvedTarget, startTestProcess, type TestProcess } from '../support/test-process.js';

interface PrintedSpan {
  readonly name: string;
  readonly kind: number;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly links: { traceId: string; spanId: string }[];
  readonly attributes: Record<string, unknown>;
}

const authorization = 'queue-trace-authorization';
const spansOf = (process: TestProcess): PrintedSpan[] =>
  process.messages.flatMap((message) => (message.span === undefined ? [] : [message.span as PrintedSpan]));

describeWithRedis('OpenTelemetry across the queue: a receiver process and a worker process', () => {
  let redis: RedisServer;
  let receiver: TestProcess;
  let worker: TestProcess;
  let url: string;

  beforeAll(async () => {
    redis = await startRedisServer();
    const env = { REDIS_URL: redis.url, QUEUE_NAME: `traced-${randomUUID()}`, AUTHORIZATION: authorization };
    receiver = startTestProcess(new URL('./fixtures/traced-receiver.mjs', import.meta.url), env);
    worker = startTestProcess(new URL('./fixtures/traced-worker.mjs', import.meta.url), env);
    const [received, work] = await Promise.all([
      receiver.next((m) => m.ready !== undefined, 30_000),
      worker.next((m) => m.ready !== undefined, 30_000),
    ]);
    const ready = received.ready as { port: number; resolved: Record<string, string> };
    for (const resolved of [ready.resolved, (work.ready as { resolved: Record<string, string> }).resolved])
      for (const target of Object.values(resolved)) expectResolvedTarget(target);
    url = `http://127.0.0.1:${ready.port}/`;
  }, 60_000);
  afterAll(async () => {
    await Promise.all([receiver?.stop(), worker?.stop()]);
    await redis?.stop();
  });

  async function deliver(userId: string): Promise<string> {
    const id = randomUUID();
    const body = JSON.stringify({ event: { type: 'user.delete.complete', id, user: { id: userId } } });
    const answer = await send(url, { headers: { 'content-type': 'application/json', authorization }, body });
    expect([answer.status, answer.json.outcome]).toEqual([202, 'queued']);
    return id;
  }

  it("links the worker's span to the delivery's, with the handlers' spans and logs inside it", async () => {
    const id = await deliver('user-1');
    const delivery = (
      await receiver.next(
        (m) => (m.span as PrintedSpan | undefined)?.attributes['authhooks.event.id'] === id,
        10_000,
      )
    ).span as PrintedSpan;
    expect(delivery.name).toBe('fusionauth user.delete.complete');
    expect(delivery.attributes['authhooks.outcome']).toBe('queued');

    const processed = (
      await worker.next(
        (m) => (m.span as PrintedSpan | undefined)?.name === 'fusionauth user.delete.complete process',
        15_000,
      )
    ).span as PrintedSpan;
    expect(processed.kind).toBe(4); // CONSUMER
    expect(processed.attributes).toMatchObject({
      'authhooks.event.id': id,
      'authhooks.queue.job.state': 'completed',
      'authhooks.queue.attempt': 1,
      'messaging.system': 'bullmq',
    });
    expect(processed.links).toEqual([{ traceId: delivery.traceId, spanId: delivery.spanId }]);

    const handlerSpan = spansOf(worker).find((span) => span.name === 'app.delete-user-data');
    expect(handlerSpan?.parentSpanId).toBe(processed.spanId);
    const line = worker.messages.find(
      (m) => (m.logged as { message?: string } | undefined)?.message === 'deleting user data',
    );
    expect(line?.logged).toMatchObject({ trace_id: processed.traceId, span_id: processed.spanId });
  }, 30_000);

  it('a retried job: one span per attempt, each linked to the same delivery', async () => {
    const id = await deliver('fails-once');
    const delivery = (
      await receiver.next(
        (m) => (m.span as PrintedSpan | undefined)?.attributes['authhooks.event.id'] === id,
        10_000,
      )
    ).span as PrintedSpan;
    await worker.next(
      (m) =>
        (m.span as PrintedSpan | undefined)?.attributes['authhooks.event.id'] === id &&
        (m.span as PrintedSpan).attributes['authhooks.queue.job.state'] === 'completed',
      15_000,
    );
    const attempts = spansOf(worker).filter((span) => span.attributes['authhooks.event.id'] === id);
    expect(
      attempts.map((span) => [
        span.attributes['authhooks.queue.attempt'],
        span.attributes['authhooks.queue.job.state'],
      ]),
    ).toEqual([
      [1, 'retried'],
      [2, 'completed'],
    ]);
    for (const attempt of attempts)
      expect(attempt.links).toEqual([{ traceId: delivery.traceId, spanId: delivery.spanId }]);
  }, 30_000);
});
