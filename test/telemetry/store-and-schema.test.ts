// Span events and metrics for what goes wrong around a handler, with the real SDK over HTTP: a field
// left out of the typed event (lenient validation) and an idempotency store that fails.
import type { IdempotencyStore } from '@authhooks/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { nodeHttpAdapter } from '../helpers/adapters.js';
import { send } from '../helpers/requests.js';
import { captureLogger } from '../support/capture-logger.js';
import { type OtelSdk, startOtelSdk } from '../support/otel-sdk.js';

const key = 'store-and-schema-key';
const headers = { 'content-type': 'application/json', authorization: key };
let sdk: OtelSdk;
beforeAll(() => {
  sdk = startOtelSdk();
});
afterAll(async () => {
  await sdk.stop();
});

const deliverySpans = () => sdk.spans().filter((span) => span.instrumentationScope.name === 'authhooks');

it('a field left out of the typed event is an event on the span, with its path and no value', async () => {
  sdk.reset();
  const server = await nodeHttpAdapter.start({ authorization: key, logger: captureLogger() }, (routes) =>
    routes.on('user.update', () => {}),
  );
  try {
    const body = JSON.stringify({
      event: { type: 'user.update', id: crypto.randomUUID(), user: { id: 'u-1', firstName: 424242 } },
    });
    expect((await send(server.url, { headers, body })).status).toBe(200);
  } finally {
    await server.close();
  }
  const [span] = deliverySpans();
  expect(span?.attributes['authhooks.schema_issues']).toBe(1);
  const issue = span?.events.find((event) => event.name === 'authhooks.schema_issue');
  expect(issue?.attributes?.['authhooks.schema.path']).toBe('user.firstName');
  expect(JSON.stringify(span?.events)).not.toContain('424242');
});

it('a store that fails: 503, a store_error event on the span, counted by operation', async () => {
  sdk.reset();
  const failing: IdempotencyStore = {
    reserve: () => Promise.reject(new Error('connection refused')),
    complete: async () => {},
    release: async () => {},
  };
  const server = await nodeHttpAdapter.start(
    { authorization: key, logger: captureLogger(), idempotency: failing },
    (routes) => routes.on('user.delete', () => {}),
  );
  const before = await sdk.sum('authhooks.store.errors', { 'authhooks.store.operation': 'reserve' });
  try {
    const body = JSON.stringify({
      event: { type: 'user.delete', id: crypto.randomUUID(), user: { id: 'u-1' } },
    });
    expect((await send(server.url, { headers, body })).status).toBe(503);
  } finally {
    await server.close();
  }
  expect(await sdk.sum('authhooks.store.errors', { 'authhooks.store.operation': 'reserve' })).toBe(
    before + 1,
  );
  const [span] = deliverySpans();
  expect(span?.attributes['authhooks.outcome']).toBe('unavailable');
  expect(span?.events.find((event) => event.name === 'authhooks.store_error')?.attributes).toEqual({
    'authhooks.store.operation': 'reserve',
    'error.type': 'Error',
  });
});
