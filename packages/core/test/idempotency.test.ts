import {
  createReceiver,
  type IdempotencyStore,
  memoryStore,
  silentLogger,
  WebhookRejection,
} from '@authhooks/core';
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

  it('past maxEntries the oldest handled ids go first, not the attempts in progress', async () => {
    const store = memoryStore({ maxEntries: 3 });
    await store.reserve('running', 't');
    for (const key of ['a', 'b', 'c']) {
      await store.reserve(key, 't');
      await store.complete(key, 't');
    }
    expect(store.size).toBe(3);
    expect(await store.reserve('running', 'other')).toBe('in_progress');
    expect(await store.reserve('a', 't')).toBe('reserved');
    expect(await store.reserve('c', 't')).toBe('duplicate');
  });

  it('expires handled ids and leases each on its own clock, in the order they were written', async () => {
    let now = 0;
    const store = memoryStore({ ttlMs: 1000, leaseMs: 100, now: () => now });
    await store.reserve('old', 't');
    await store.complete('old', 't');
    now = 500;
    await store.reserve('young', 't');
    await store.complete('young', 't');
    await store.reserve('lease', 't');
    now = 1001;
    expect(await store.reserve('old', 't2')).toBe('reserved');
    expect(await store.reserve('young', 't2')).toBe('duplicate');
    expect(await store.reserve('lease', 't2')).toBe('reserved');
    expect(store.size).toBe(3);
    now = 1501;
    expect(await store.reserve('young', 't3')).toBe('reserved');
    expect(store.size).toBe(1); // young's new lease: every earlier lease and handled id has expired
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
      // A handler that honours the signal stops with its reason (as fetch and most drivers do).
      await new Promise((_, reject) => ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason)));
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

describe('copies of an event in progress wait for it (several webhooks, retries)', () => {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  /** memoryStore without `settled`, as a custom store might be: the receiver polls reserve instead. */
  const withoutSettled = (): IdempotencyStore => {
    const { settled: _settled, ...store } = memoryStore();
    return store;
  };
  const stores: readonly (readonly [string, () => IdempotencyStore])[] = [
    ['memoryStore', () => memoryStore()],
    ['a store without settled()', withoutSettled],
  ];

  describe.each(stores)('%s', (_name, makeStore) => {
    const receiverWith = (
      handler: Parameters<ReturnType<typeof createReceiver>['on']>[1],
      timeoutMs = 1_000,
    ) =>
      createReceiver({
        provider: testProvider(),
        logger: silentLogger,
        idempotency: makeStore(),
        timeoutMs,
      }).on('user.delete', handler);
    const send = (receiver: ReturnType<typeof createReceiver>, id: string) =>
      receiver.receive({ method: 'POST', headers: authed, body: eventBody('user.delete', { id }) });

    it('a copy that arrives while the handler runs answers 200 too, and the handler runs once', async () => {
      let runs = 0;
      const waited: boolean[] = [];
      const receiver = createReceiver({
        provider: testProvider(),
        logger: silentLogger,
        idempotency: makeStore(),
        timeoutMs: 1_000,
        onResult: (result) => void waited.push(result.waited),
      }).on('user.delete', async () => {
        runs++;
        await sleep(80);
      });
      const answers = await Promise.all([send(receiver, 'w1'), sleep(10).then(() => send(receiver, 'w1'))]);
      expect(answers.map((a) => [a.status, a.outcome])).toEqual([
        [200, 'handled'],
        [200, 'duplicate'],
      ]);
      expect(runs).toBe(1);
      await sleep(10);
      expect(waited.sort()).toEqual([false, true]); // onResult tells which copy waited
    });

    it('a copy of a vetoed event answers the same rejection, without running the handler again', async () => {
      let runs = 0;
      const receiver = receiverWith(async (_event, ctx) => {
        runs++;
        await sleep(60);
        ctx.reject('domain not allowed', 403);
      });
      const answers = await Promise.all([send(receiver, 'w2'), sleep(10).then(() => send(receiver, 'w2'))]);
      for (const answer of answers) {
        expect([answer.status, answer.outcome, JSON.parse(String(answer.body)).error]).toEqual([
          403,
          'rejected',
          'domain not allowed',
        ]);
      }
      // A store with settled() hands the veto to the copy; polling only sees the key free again and
      // takes it over, so the veto runs a second time (and answers the same).
      expect(runs).toBe(makeStore().settled === undefined ? 2 : 1);
    });

    it('when the first attempt fails, the waiting copy takes the event over and runs it', async () => {
      let runs = 0;
      const receiver = receiverWith(async () => {
        runs++;
        await sleep(60);
        if (runs === 1) throw new Error('db down');
      });
      const answers = await Promise.all([send(receiver, 'w3'), sleep(10).then(() => send(receiver, 'w3'))]);
      expect(answers.map((a) => [a.status, a.outcome])).toEqual([
        [500, 'handler_error'],
        [200, 'handled'],
      ]);
      expect(runs).toBe(2);
    });

    it("a copy whose own deadline runs out while it waits answers 409, and the first attempt's result stands", async () => {
      let runs = 0;
      const store = makeStore();
      const handler = async () => {
        runs++;
        await sleep(150);
      };
      const receiver = (timeoutMs: number) =>
        createReceiver({ provider: testProvider(), logger: silentLogger, idempotency: store, timeoutMs }).on(
          'user.delete',
          handler,
        );
      const first = send(receiver(1_000), 'w4');
      await sleep(10);
      const copy = await send(receiver(40), 'w4');
      expect([copy.status, copy.outcome]).toEqual([409, 'in_progress']);
      expect((await first).outcome).toBe('handled');
      expect((await send(receiver(40), 'w4')).outcome).toBe('duplicate');
      expect(runs).toBe(1);
    });

    it('a handler that ignores ctx.signal and finishes after the 504 holds the event until it settles, then counts as handled', async () => {
      let runs = 0;
      let finished = false;
      const receiver = receiverWith(async () => {
        runs++;
        await sleep(150); // ignores ctx.signal
        finished = true;
      }, 50);
      const first = await send(receiver, 'w5');
      expect([first.status, first.outcome]).toEqual([504, 'timeout']);
      expect(finished).toBe(false);
      // A retry while the first run still works: it waits (its own deadline is 50 ms, so 409), never runs beside it.
      const during = await send(receiver, 'w5');
      expect([during.status, during.outcome]).toEqual([409, 'in_progress']);
      await sleep(150);
      expect(finished).toBe(true);
      const after = await send(receiver, 'w5');
      expect([after.status, after.outcome]).toEqual([200, 'duplicate']);
      expect(runs).toBe(1);
    });

    it('a handler that fails after the 504 releases the event, so the next copy runs it again', async () => {
      let runs = 0;
      const receiver = receiverWith(async () => {
        runs++;
        if (runs > 1) return;
        await sleep(100);
        throw new Error('failed late');
      }, 40);
      expect((await send(receiver, 'w6')).outcome).toBe('timeout');
      await sleep(120);
      expect((await send(receiver, 'w6')).outcome).toBe('handled');
      expect(runs).toBe(2);
    });
  });
});
