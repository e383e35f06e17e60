// An SDK, exporter or propagator that throws must not change an answer: a delivery is answered as it
// would be without telemetry, over HTTP, including the queue hand-off and commit-aware handlers.

import { memoryStore, useOpenTelemetry } from '@authhooks/core';
import * as otel from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapters } from '../helpers/adapters.js';
import { send } from '../helpers/requests.js';
import { captureLogger } from '../support/capture-logger.js';

const key = 'broken-sdk-key';
const headers = { 'content-type': 'application/json', authorization: key };
const boom = () => {
  throw new Error('the SDK is broken');
};

/** The real API module, with every entry point authhooks uses throwing. */
const broken = {
  ...otel,
  trace: { ...otel.trace, getTracer: () => ({ startSpan: boom }), getSpan: boom },
  metrics: { ...otel.metrics, getMeterProvider: () => ({ getMeter: boom }) },
  propagation: { ...otel.propagation, inject: boom, extract: boom },
} as unknown as typeof otel;

beforeAll(() => useOpenTelemetry(broken));
afterAll(() => useOpenTelemetry(otel));

describe.each(adapters)('$name', (adapter) => {
  it('answers every kind of delivery as without telemetry', async () => {
    const queued: unknown[] = [];
    const queue = { name: 'in-memory', add: async (job: unknown) => void queued.push(job) };
    const committed: string[] = [];
    const server = await adapter.start(
      { authorization: key, logger: captureLogger(), idempotency: memoryStore(), commit: { sweepMs: 20 } },
      (routes) =>
        routes
          .on('user.update', () => {})
          .on('user.deactivate', () => {
            throw new Error('handler failed');
          })
          .on('user.create', () => {})
          .onCommit('user.create', (event) => void committed.push(event.user.id))
          .enqueue('user.delete.complete', queue),
    );
    const body = (type: string, user = { id: 'u-1' }) =>
      JSON.stringify({ event: { type, id: crypto.randomUUID(), user } });
    try {
      expect((await send(server.url, { headers, body: body('user.update') })).status).toBe(200);
      expect((await send(server.url, { headers, body: body('user.deactivate') })).status).toBe(500);
      expect(
        (await send(server.url, { headers: { ...headers, authorization: 'no' }, body: body('user.update') }))
          .status,
      ).toBe(401);
      expect((await send(server.url, { headers, body: body('user.delete.complete') })).status).toBe(202);
      expect(queued).toHaveLength(1);
      expect((await send(server.url, { headers, body: body('user.create', { id: 'ada' }) })).status).toBe(
        200,
      );
      expect(
        (await send(server.url, { headers, body: body('user.create.complete', { id: 'ada' }) })).status,
      ).toBe(200);
      expect(committed).toEqual(['ada']);
    } finally {
      await server.close();
    }
  });
});
