import { createReceiver, memoryStore, silentLogger, WebhookRejection } from '@authhooks/core';
import { describe, expect, it } from 'vitest';
import { authed, eventBody, testProvider } from './helpers/provider.js';

describe('memoryStore', () => {
  it('remembers a handled key for ttlMs, then forgets it', async () => {
    let now = 0;
    const store = memoryStore({ ttlMs: 1000, now: () => now });
    expect(await store.reserve('a', 't1')).toBe('reserved');
    expect(await store.reserve('a', 't2')).toBe('in_progress');
    await store.complete('a', 't1');
    expect(await store.reserve('a', 't3')).toBe('duplicate');
    now = 1001;
    expect(await store.reserve('a', 't4')).toBe('reserved');
  });

  it('a reservation that is never finished expires after leaseMs; release frees it at once', async () => {
    let now = 0;
    const store = memoryStore({ leaseMs: 100, now: () => now });
    await store.reserve('a', 't1');
    now = 101;
    expect(await store.reserve('a', 't2')).toBe('reserved');
    await store.release('a', 't2');
    expect(await store.reserve('a', 't3')).toBe('reserved');
  });

  it("a late release of an expired lease does not free the next holder's reservation", async () => {
    let now = 0;
    const store = memoryStore({ leaseMs: 100, now: () => now });
    await store.reserve('a', 'crashed');
    now = 101;
    expect(await store.reserve('a', 'retry')).toBe('reserved');
    await store.release('a', 'crashed');
    expect(await store.reserve('a', 'third')).toBe('in_progress');
    await store.complete('a', 'retry');
    await store.release('a', 'retry');
    expect(await store.reserve('a', 'fourth')).toBe('duplicate');
  });

  it('never holds more than maxEntries keys', async () => {
    const store = memoryStore({ maxEntries: 100 });
    for (let i = 0; i < 1000; i++) {
      await store.reserve(`k${i}`, 't');
      await store.complete(`k${i}`, 't');
    }
    expect(store.size).toBe(100);
    expect(await store.reserve('k999', 't')).toBe('duplicate');
    expect(await store.reserve('k0', 't')).toBe('reserved');
  });

  it('refuses nonsense options', () => {
    expect(() => memoryStore({ ttlMs: 0 })).toThrow(/ttlMs must be a positive number/);
    expect(() => memoryStore({ maxEntries: Number.NaN })).toThrow(/maxEntries/);
  });
});

describe('through the receiver', () => {
  const outcomes = ['fail', 'reject', 'timeout'] as const;

  it.each(outcomes)('a %s releases the id, so the retry runs the handlers again', async (mode) => {
    let runs = 0;
    const receiver = createReceiver({
      provider: testProvider(),
      logger: silentLogger,
      idempotency: memoryStore(),
      timeoutMs: 50,
    }).on('user.delete', async (_event, ctx) => {
      runs++;
      if (runs > 1) return;
      if (mode === 'fail') throw new Error('db down');
      if (mode === 'reject') throw new WebhookRejection('no');
      await new Promise((resolve) => ctx.signal.addEventListener('abort', resolve));
    });
    const body = eventBody('user.delete', { id: `retry-${mode}` });
    const first = await receiver.receive({ method: 'POST', headers: authed, body });
    const retry = await receiver.receive({ method: 'POST', headers: authed, body });
    const third = await receiver.receive({ method: 'POST', headers: authed, body });
    expect(first.status).toBeGreaterThanOrEqual(400);
    expect([retry.outcome, third.outcome]).toEqual(['handled', 'duplicate']);
    expect(runs).toBe(2);
  });
});
