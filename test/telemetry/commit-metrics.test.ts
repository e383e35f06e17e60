// Commit-aware operations are counted by state (authhooks.commit.operations): recorded as pending,
// then committed by the *.complete or rolled back by a veto. Real SDK, over HTTP.
import { memoryStore } from '@authhooks/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { nodeHttpAdapter } from '../helpers/adapters.js';
import { send } from '../helpers/requests.js';
import { captureLogger } from '../support/capture-logger.js';
import { type OtelSdk, startOtelSdk } from '../support/otel-sdk.js';

const key = 'commit-metrics-key';
const headers = { 'content-type': 'application/json', authorization: key };
let sdk: OtelSdk;
beforeAll(() => {
  sdk = startOtelSdk();
});
afterAll(async () => {
  await sdk.stop();
});

const event = (type: string, user: { id: string; email: string }) =>
  JSON.stringify({ event: { type, id: crypto.randomUUID(), user } });

it('counts pending, committed and rolled back operations', async () => {
  const server = await nodeHttpAdapter.start(
    { authorization: key, logger: captureLogger(), idempotency: memoryStore(), commit: { sweepMs: 20 } },
    (routes) =>
      routes
        .on('user.create', (created, ctx) => {
          if (created.user.email?.endsWith('@blocked.example')) ctx.reject('blocked');
        })
        .onCommit('user.create', () => {})
        .onRollback('user.create', () => {}),
  );
  const count = (state: string, decidedBy?: string) =>
    sdk.sum('authhooks.commit.operations', {
      'authhooks.event.type': 'user.create',
      'authhooks.commit.state': state,
      ...(decidedBy !== undefined && { 'authhooks.commit.decided_by': decidedBy }),
    });
  try {
    const ada = { id: 'ada', email: 'ada@example.com' };
    expect((await send(server.url, { headers, body: event('user.create', ada) })).status).toBe(200);
    expect(await count('pending')).toBe(1);
    expect((await send(server.url, { headers, body: event('user.create.complete', ada) })).status).toBe(200);
    expect(await count('committed', 'complete')).toBe(1);

    const eve = { id: 'eve', email: 'eve@blocked.example' };
    expect((await send(server.url, { headers, body: event('user.create', eve) })).status).toBe(422);
    await expect.poll(() => count('rolled_back', 'answer'), { timeout: 2_000 }).toBe(1);
    expect(await count('pending')).toBe(2);
  } finally {
    await server.close();
  }
});
