// OpenTelemetry over real HTTP on every mount, with the real SDK registered as an app registers it:
// one span per delivery (its own server span, or a child of the framework's), the handlers' spans
// nested under it, veto / exception / waiting copies on the span, trace ids in the log lines, and the
// metrics. Runs in both projects (sources and built packages).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { memoryStore, WebhookRejection } from '@authhooks/core';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { adapters, type Running } from '../helpers/adapters.js';
import { send } from '../helpers/requests.js';
import { captureLogger } from '../support/capture-logger.js';
import { type OtelSdk, startOtelSdk } from '../support/otel-sdk.js';

const key = 'telemetry-authorization-value';
const headers = { 'content-type': 'application/json', authorization: key };
const tenantId = '30663132-6464-6665-3032-326466613934';

function body(type: string, fields: Record<string, unknown> = {}): { id: string; text: string } {
  const id = crypto.randomUUID();
  return {
    id,
    text: JSON.stringify({
      event: { type, id, tenantId, user: { id: 'user-1', email: 'ada@example.com' }, ...fields },
    }),
  };
}

let sdk: OtelSdk;
beforeAll(() => {
  sdk = startOtelSdk();
});
afterAll(async () => {
  await sdk.stop();
});

const tracer = () => trace.getTracer('app-under-test');

describe.each(adapters)('$name', (adapter) => {
  let server: Running;
  let finishDelete: (() => void) | undefined;
  const logger = captureLogger();
  logger.isLevelEnabled = () => true;

  beforeAll(async () => {
    server = await adapter.start(
      { authorization: key, logger, idempotency: memoryStore(), timeoutMs: 1_000 },
      (routes) =>
        routes
          .on('user.update', (_event, ctx) => {
            ctx.log.info({}, 'handler ran');
            tracer().startSpan('app.db.write').end();
          })
          .on('user.delete', async () => {
            // Held until the test has seen the second copy wait.
            await new Promise<void>((resolve) => {
              finishDelete = resolve;
            });
            finishDelete = undefined;
          })
          .on('user.create', () => {
            throw new WebhookRejection('email domain not allowed', 422);
          })
          .on('user.deactivate', () => {
            throw new Error('database down');
          })
          .on(
            'user.reactivate',
            (_event, ctx) => new Promise((resolve) => ctx.signal.addEventListener('abort', resolve)),
          ),
    );
  });
  afterAll(async () => {
    await server?.close();
  });
  afterEach(() => {
    sdk.reset();
    logger.lines.length = 0;
  });

  const deliverySpans = () => sdk.spans().filter((span) => span.instrumentationScope.name === 'authhooks');

  it('traces a handled delivery as a server span with the handlers inside it and the ids in the logs', async () => {
    const { id, text } = body('user.update');
    expect((await send(server.url, { headers, body: text })).status).toBe(200);
    const [span] = deliverySpans();
    expect(deliverySpans()).toHaveLength(1);
    expect(span?.name).toBe('fusionauth user.update');
    expect(span?.kind).toBe(SpanKind.SERVER);
    expect(span?.attributes).toMatchObject({
      'authhooks.provider': 'fusionauth',
      'authhooks.event.type': 'user.update',
      'authhooks.event.id': id,
      'authhooks.tenant.id': tenantId,
      'authhooks.transactional': true,
      'authhooks.outcome': 'handled',
      'authhooks.verification': 'authorization',
      'http.request.method': 'POST',
      'http.response.status_code': 200,
    });
    expect(span?.status.code).not.toBe(SpanStatusCode.ERROR);
    const child = sdk.spans().find((one) => one.name === 'app.db.write');
    expect(child?.parentSpanContext?.spanId).toBe(span?.spanContext().spanId);
    expect(child?.spanContext().traceId).toBe(span?.spanContext().traceId);

    const traceId = span?.spanContext().traceId;
    const handlerLine = logger.lines.find((line) => line.message === 'handler ran');
    expect(handlerLine?.fields).toMatchObject({ trace_id: traceId, span_id: span?.spanContext().spanId });
    const deliveryLine = logger.lines.find((line) => line.fields.outcome === 'handled');
    expect(deliveryLine?.fields.trace_id).toBe(traceId);
  });

  it('records a veto as an event and a handler error as an exception with an error status', async () => {
    expect((await send(server.url, { headers, body: body('user.create').text })).status).toBe(422);
    const [veto] = deliverySpans();
    expect(veto?.attributes['authhooks.outcome']).toBe('rejected');
    expect(veto?.attributes['authhooks.transactional']).toBe(true);
    expect(veto?.status.code).not.toBe(SpanStatusCode.ERROR);
    expect(veto?.events.find((event) => event.name === 'authhooks.veto')?.attributes).toMatchObject({
      'authhooks.veto.reason': 'email domain not allowed',
      'http.response.status_code': 422,
    });
    sdk.reset();

    expect((await send(server.url, { headers, body: body('user.deactivate').text })).status).toBe(500);
    const [failed] = deliverySpans();
    expect(failed?.status.code).toBe(SpanStatusCode.ERROR);
    expect(failed?.attributes['error.type']).toBe('handler_error');
    const exception = failed?.events.find((event) => event.name === 'exception');
    expect(exception?.attributes?.['exception.message']).toBe('database down');
  });

  it('marks a timeout with an event', async () => {
    expect((await send(server.url, { headers, body: body('user.reactivate').text })).status).toBe(504);
    const [span] = deliverySpans();
    expect(span?.attributes['authhooks.outcome']).toBe('timeout');
    expect(span?.events.map((event) => event.name)).toContain('authhooks.timeout');
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
  });

  it('marks the copy that waited for another attempt, and counts it while it waits', async () => {
    const { text } = body('user.delete');
    const idle = await sdk.sum('authhooks.deliveries.waiting');
    const first = send(server.url, { headers, body: text });
    await expect.poll(() => finishDelete !== undefined, { interval: 5 }).toBe(true);
    const second = send(server.url, { headers, body: text });
    await expect.poll(() => sdk.sum('authhooks.deliveries.waiting'), { interval: 5 }).toBe(idle + 1);
    finishDelete?.();
    expect((await first).json.outcome).toBe('handled');
    const answer = await second;
    expect([answer.status, answer.json.outcome]).toEqual([200, 'duplicate']);
    const copy = deliverySpans().find((span) => span.attributes['authhooks.outcome'] === 'duplicate');
    expect(copy?.attributes).toMatchObject({ 'authhooks.duplicate': true, 'authhooks.waited': true });
    expect(await sdk.sum('authhooks.deliveries.waiting')).toBe(idle);
  });

  it('traces a refused delivery without a secret or the payload on the span', async () => {
    const { text } = body('user.update');
    const answer = await send(server.url, {
      headers: { ...headers, authorization: 'wrong-value' },
      body: text,
    });
    expect(answer.status).toBe(401);
    const [span] = deliverySpans();
    expect(span?.name).toBe('fusionauth webhook');
    expect(span?.attributes['authhooks.outcome']).toBe('unauthorized');
    const recorded = JSON.stringify([span?.attributes, span?.events]);
    for (const secret of [key, 'wrong-value', 'ada@example.com']) expect(recorded).not.toContain(secret);
  });

  it('counts deliveries by outcome and records their duration; none is left in flight', async () => {
    const before = await sdk.sum('authhooks.deliveries', { 'authhooks.outcome': 'handled' });
    const beforeDurations = await sdk.sum('authhooks.delivery.duration', {
      'authhooks.event.type': 'user.update',
    });
    for (let i = 0; i < 3; i++) await send(server.url, { headers, body: body('user.update').text });
    expect(await sdk.sum('authhooks.deliveries', { 'authhooks.outcome': 'handled' })).toBe(before + 3);
    expect(await sdk.sum('authhooks.delivery.duration', { 'authhooks.event.type': 'user.update' })).toBe(
      beforeDurations + 3,
    );
    // The timed-out handler of an earlier test still runs, but its delivery was answered.
    expect(await sdk.sum('authhooks.deliveries.active')).toBe(0);
  });
});

describe("a delivery inside the framework's server span (what HTTP instrumentation makes active)", () => {
  /** Each request runs inside a server span, as @opentelemetry/instrumentation-http or @fastify/otel arrange. */
  function withServerSpan(run: (done: () => void) => void): void {
    const span = tracer().startSpan('POST /fusionauth-webhook', { kind: SpanKind.SERVER });
    context.with(trace.setSpan(context.active(), span), () => run(() => span.end()));
  }

  const mounts: { name: string; start: () => Promise<{ url: string; close: () => Promise<void> }> }[] = [
    {
      name: 'node:http',
      async start() {
        const { nodeHandler } = await import('@authhooks/core/node');
        const { fusionReceiver } = await import('@authhooks/fusionauth');
        const receiver = fusionReceiver({ authorization: key, logger: captureLogger() }).on(
          'user.update',
          () => {},
        );
        const handle = nodeHandler(receiver);
        return listen(
          http.createServer((req, res) =>
            withServerSpan((done) => {
              res.on('close', done);
              handle(req, res);
            }),
          ),
        );
      },
    },
    {
      name: 'Express',
      async start() {
        const { default: express } = await import('express');
        const { fusionWebhook } = await import('@authhooks/express');
        const app = express();
        app.use((_req, res, next) =>
          withServerSpan((done) => {
            res.on('close', done);
            next();
          }),
        );
        app.use(
          '/fusionauth-webhook',
          fusionWebhook({ authorization: key, logger: captureLogger() }).on('user.update', () => {}),
        );
        return listen(http.createServer(app));
      },
    },
  ];

  it.each(mounts)('$name: the delivery is an internal child of it', async (mount) => {
    sdk.reset();
    const server = await mount.start();
    try {
      expect((await send(server.url, { headers, body: body('user.update').text })).status).toBe(200);
    } finally {
      await server.close();
    }
    const parent = sdk.spans().find((one) => one.name === 'POST /fusionauth-webhook');
    const span = sdk.spans().find((one) => one.name === 'fusionauth user.update');
    expect(span?.kind).toBe(SpanKind.INTERNAL);
    expect(span?.parentSpanContext?.spanId).toBe(parent?.spanContext().spanId);
  });

  it('is not traced with telemetry: false', async () => {
    sdk.reset();
    const { fusionReceiver } = await import('@authhooks/fusionauth');
    const receiver = fusionReceiver({ authorization: key, logger: captureLogger(), telemetry: false });
    receiver.on('user.update', () => {});
    const answer = await receiver.receive({ method: 'POST', headers, body: body('user.update').text });
    expect(answer.status).toBe(200);
    expect(sdk.spans()).toHaveLength(0);
  });
});

async function listen(server: http.Server): Promise<{ url: string; close: () => Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/fusionauth-webhook`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
