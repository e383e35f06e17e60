// The queue hand-off traced across processes: a receiver process (node:http) enqueues into Redis, a
// worker process runs the job. Both register the real SDK. The worker's span links to the delivery's
// span (the trace context travels in the job), its handlers' spans and log lines sit inside it, and a
// retried attempt is a second linked span. With bullmq-otel given to BullMQ as well, the whole hand-off
// is one trace: delivery → BullMQ's add → BullMQ's process → the worker's span → the handler's.
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
const consumerKind = 4;
const spansOf = (process: TestProcess): PrintedSpan[] =>
  process.messages.flatMap((message) => (message.span === undefined ? [] : [message.span as PrintedSpan]));
const spanWith = (process: TestProcess, match: (span: PrintedSpan) => boolean) =>
  process
    .next((m) => m.span !== undefined && match(m.span as PrintedSpan), 15_000)
    .then((m) => m.span as PrintedSpan);

for (const bullmqOtel of [false, true]) {
  describeWithRedis(
    `OpenTelemetry across the queue (receiver and worker processes${bullmqOtel ? ', bullmq-otel' : ''})`,
    () => {
      let redis: RedisServer;
      let receiver: TestProcess;
      let worker: TestProcess;
      let url: string;

      beforeAll(async () => {
        redis = await startRedisServer();
        const env = {
          REDIS_URL: redis.url,
          QUEUE_NAME: `traced-${randomUUID()}`,
          AUTHORIZATION: authorization,
          BULLMQ_OTEL: bullmqOtel ? '1' : '0',
        };
        receiver = startTestProcess(new URL('./fixtures/traced-receiver.mjs', import.meta.url), env);
        worker = startTestProcess(new URL('./fixtures/traced-worker.mjs', import.meta.url), env);
        const ready = await Promise.all(
          [receiver, worker].map((one) => one.next((m) => m.ready !== undefined, 30_000)),
        );
        for (const message of ready) {
          const { resolved } = message.ready as { resolved: Record<string, string> };
          for (const target of Object.values(resolved)) expectResolvedTarget(target);
        }
        url = `http://127.0.0.1:${(ready[0]?.ready as { port: number }).port}/`;
      }, 60_000);
      afterAll(async () => {
        await Promise.all([receiver?.stop(), worker?.stop()]);
        await redis?.stop();
      });

      async function deliver(userId: string): Promise<{ id: string; delivery: PrintedSpan }> {
        const id = randomUUID();
        const body = JSON.stringify({ event: { type: 'user.delete.complete', id, user: { id: userId } } });
        const answer = await send(url, {
          headers: { 'content-type': 'application/json', authorization },
          body,
        });
        expect([answer.status, answer.json.outcome]).toEqual([202, 'queued']);
        const delivery = await spanWith(receiver, (span) => span.attributes['authhooks.event.id'] === id);
        expect(delivery.name).toBe('fusionauth user.delete.complete');
        expect(delivery.attributes['authhooks.outcome']).toBe('queued');
        return { id, delivery };
      }

      it("links the worker's span to the delivery's, with the handlers' spans and logs inside it", async () => {
        const { id, delivery } = await deliver('user-1');
        const processed = await spanWith(
          worker,
          (span) =>
            span.name === 'fusionauth user.delete.complete process' &&
            span.attributes['authhooks.event.id'] === id,
        );
        expect(processed.kind).toBe(consumerKind);
        expect(processed.attributes).toMatchObject({
          'authhooks.queue.job.state': 'completed',
          'authhooks.queue.attempt': 1,
          'messaging.system': 'bullmq',
        });
        expect(processed.links).toEqual([{ traceId: delivery.traceId, spanId: delivery.spanId }]);

        const handlerSpan = spansOf(worker).find(
          (span) => span.name === 'app.delete-user-data' && span.parentSpanId === processed.spanId,
        );
        expect(handlerSpan?.traceId).toBe(processed.traceId);
        const line = worker.messages.find(
          (m) => (m.logged as { eventId?: string } | undefined)?.eventId === id,
        );
        expect(line?.logged).toMatchObject({ trace_id: processed.traceId, span_id: processed.spanId });

        if (bullmqOtel) {
          // One trace: BullMQ's producer span is a child of the delivery, its consumer span the parent of ours.
          const added = await spanWith(
            receiver,
            (span) => span.attributes['bullmq.job.id'] === `fusionauth.${id}`,
          );
          expect(added?.parentSpanId).toBe(delivery.spanId);
          const bullProcess = await spanWith(worker, (span) => span.spanId === processed.parentSpanId);
          expect(bullProcess?.attributes['bullmq.queue.operation']).toBe('process');
          expect(bullProcess?.parentSpanId).toBe(added?.spanId);
          expect(processed.traceId).toBe(delivery.traceId);
        } else {
          expect(processed.parentSpanId).toBeUndefined();
        }
      }, 30_000);

      it('a retried job: one span per attempt, each linked to the same delivery', async () => {
        const { id, delivery } = await deliver('fails-once');
        await spanWith(
          worker,
          (span) =>
            span.attributes['authhooks.event.id'] === id &&
            span.attributes['authhooks.queue.job.state'] === 'completed',
        );
        const attempts = spansOf(worker).filter(
          (span) => span.kind === consumerKind && span.attributes['authhooks.event.id'] === id,
        );
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
    },
  );
}
