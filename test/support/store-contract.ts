/**
 * What every `IdempotencyStore` must do, as tests: call `storeContract(factory)` inside a `describe`.
 * Durations are real (a Redis server keeps its own clock), kept short, with wide margins: they check
 * that expiry happens, never how fast a store is. Every check uses its own keys, so they run concurrently.
 */
import { randomUUID } from 'node:crypto';
import type { IdempotencyStore } from '@authhooks/core';
import { expect, test } from 'vitest';

export interface StoreFactory {
  /** A store with these settings over the state under test. */
  open(options?: { ttlMs?: number; leaseMs?: number }): IdempotencyStore;
  /**
   * True when every store opened shares one state (as Redis stores on one server and prefix do, each
   * perhaps over its own connection): the concurrency checks then spread their calls across several.
   */
  readonly sharesState: boolean;
}

const shortMs = 200;
const pastShortMs = 500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const newKey = () => `contract:${randomUUID()}`;

export function storeContract(factory: () => StoreFactory): void {
  const it = test.concurrent;

  it('reserves a new key once: another attempt meanwhile is in_progress', async () => {
    const store = factory().open();
    const key = newKey();
    expect(await store.reserve(key, 'a')).toBe('reserved');
    expect(await store.reserve(key, 'b')).toBe('in_progress');
    expect(await store.reserve(key, 'a')).toBe('in_progress');
  });

  it('a completed key is a duplicate for every later attempt, and a release cannot undo it', async () => {
    const store = factory().open();
    const key = newKey();
    await store.reserve(key, 'a');
    await store.complete(key, 'a');
    expect(await store.reserve(key, 'b')).toBe('duplicate');
    await store.release(key, 'a');
    expect(await store.reserve(key, 'c')).toBe('duplicate');
  });

  it('release by the lease holder frees the key for the next attempt', async () => {
    const store = factory().open();
    const key = newKey();
    await store.reserve(key, 'a');
    await store.release(key, 'a');
    expect(await store.reserve(key, 'b')).toBe('reserved');
  });

  it('release with another token leaves the lease in place', async () => {
    const store = factory().open();
    const key = newKey();
    await store.reserve(key, 'a');
    await store.release(key, 'b');
    expect(await store.reserve(key, 'c')).toBe('in_progress');
  });

  it('complete marks the key handled whoever holds the lease, and without one', async () => {
    const store = factory().open();
    const held = newKey();
    await store.reserve(held, 'a');
    await store.complete(held, 'b');
    expect(await store.reserve(held, 'c')).toBe('duplicate');
    const never = newKey();
    await store.complete(never, 'x');
    expect(await store.reserve(never, 'y')).toBe('duplicate');
  });

  it('keys are independent', async () => {
    const store = factory().open();
    const [one, two] = [newKey(), newKey()];
    await store.reserve(one, 'a');
    await store.complete(one, 'a');
    expect(await store.reserve(two, 'b')).toBe('reserved');
  });

  it('a handled key is forgotten after ttlMs', async () => {
    const store = factory().open({ ttlMs: shortMs });
    const key = newKey();
    await store.reserve(key, 'a');
    await store.complete(key, 'a');
    await sleep(pastShortMs);
    expect(await store.reserve(key, 'b')).toBe('reserved');
  });

  it('a lease nobody completes or releases expires after leaseMs (a crashed instance blocks nothing forever)', async () => {
    const store = factory().open({ leaseMs: shortMs });
    const key = newKey();
    await store.reserve(key, 'crashed');
    await sleep(pastShortMs);
    expect(await store.reserve(key, 'retry')).toBe('reserved');
  });

  it("a late release of an expired lease does not free the next holder's reservation", async () => {
    const leaseMs = 400;
    const store = factory().open({ leaseMs });
    const key = newKey();
    await store.reserve(key, 'slow');
    await sleep(leaseMs + 300);
    expect(await store.reserve(key, 'next')).toBe('reserved');
    await store.release(key, 'slow');
    expect(await store.reserve(key, 'third')).toBe('in_progress');
    await store.complete(key, 'next');
    expect(await store.reserve(key, 'third')).toBe('duplicate');
  });

  it('100 concurrent reserves of one key: exactly one is reserved, the others in_progress', async () => {
    const stores = openMany(factory());
    const key = newKey();
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => stores[i % stores.length]?.reserve(key, `t${i}`)),
    );
    expect(answers.filter((a) => a === 'reserved')).toHaveLength(1);
    expect(answers.filter((a) => a === 'in_progress')).toHaveLength(99);
  });

  it('concurrent reserves, completes and retries over 20 keys: one reservation per key, then duplicates', async () => {
    const stores = openMany(factory());
    const keys = Array.from({ length: 20 }, newKey);
    const attempt = async (i: number) => {
      const key = keys[i % keys.length] as string;
      const store = stores[i % stores.length] as IdempotencyStore;
      const answer = await store.reserve(key, `t${i}`);
      if (answer === 'reserved') await store.complete(key, `t${i}`);
      return answer;
    };
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => attempt(i)));
    expect(answers.filter((a) => a === 'reserved')).toHaveLength(20);
    for (const key of keys) expect(await stores[0]?.reserve(key, 'late')).toBe('duplicate');
  });
}

/**
 * `settled`: how a copy waits for the attempt that holds its event (every store in this repository has
 * it; a custom store without it is polled by the receiver instead).
 */
export function settledContract(factory: () => StoreFactory): void {
  const it = test.concurrent;
  const never = () => new AbortController().signal;
  const waitOn = (store: IdempotencyStore, key: string, signal = never()) => {
    if (store.settled === undefined) throw new Error('this store has no settled()');
    return store.settled(key, signal);
  };

  it('a waiter learns that the attempt completed, from another store over the same state', async () => {
    const [holder, waiter] = holderAndWaiter(factory());
    const key = newKey();
    await holder.reserve(key, 'a');
    const waiting = waitOn(waiter, key);
    await sleep(50);
    await holder.complete(key, 'a');
    expect(await waiting).toEqual({ state: 'handled' });
  });

  it("a waiter gets a vetoed attempt's verdict, and a plain release without one", async () => {
    const [holder, waiter] = holderAndWaiter(factory());
    const [vetoed, failed] = [newKey(), newKey()];
    await holder.reserve(vetoed, 'a');
    await holder.reserve(failed, 'b');
    const waitingVeto = waitOn(waiter, vetoed);
    const waitingFail = waitOn(waiter, failed);
    await sleep(50);
    await holder.release(vetoed, 'a', { status: 403, error: 'domain not allowed' });
    await holder.release(failed, 'b');
    expect(await waitingVeto).toEqual({
      state: 'released',
      verdict: { status: 403, error: 'domain not allowed' },
    });
    expect(await waitingFail).toEqual({ state: 'released' }); // toEqual: an undefined verdict is no verdict
  });

  it('settles at once for a free or a handled key, and a release with the wrong token tells nobody', async () => {
    const store = factory().open();
    const [free, handled, held] = [newKey(), newKey(), newKey()];
    expect(await waitOn(store, free)).toMatchObject({ state: 'released' });
    await store.complete(handled, 'a');
    expect(await waitOn(store, handled)).toEqual({ state: 'handled' });
    await store.reserve(held, 'owner');
    const controller = new AbortController();
    const waiting = waitOn(store, held, controller.signal);
    await store.release(held, 'someone-else');
    await sleep(100);
    controller.abort();
    expect(await waiting).toEqual({ state: 'in_progress' });
  });

  it('a lease that runs out without a word (a crashed attempt) frees the waiter', async () => {
    const store = factory().open({ leaseMs: shortMs });
    const key = newKey();
    await store.reserve(key, 'crashed');
    const started = Date.now();
    expect(await waitOn(store, key)).toMatchObject({ state: 'released' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('50 waiters on 10 keys all hear their own key, and nothing else', async () => {
    const stores = openMany(factory());
    const keys = Array.from({ length: 10 }, newKey);
    for (const key of keys) await stores[0]?.reserve(key, 'a');
    const waiting = Array.from({ length: 50 }, (_, i) =>
      waitOn(stores[i % stores.length] as IdempotencyStore, keys[i % keys.length] as string),
    );
    await sleep(50);
    for (const [i, key] of keys.entries()) {
      if (i % 2 === 0) await stores[0]?.complete(key, 'a');
      else await stores[0]?.release(key, 'a', { status: 422, error: `veto ${i}` });
    }
    const settled = await Promise.all(waiting);
    for (const [i, settlement] of settled.entries()) {
      const k = i % keys.length;
      expect(settlement).toEqual(
        k % 2 === 0
          ? { state: 'handled' }
          : { state: 'released', verdict: { status: 422, error: `veto ${k}` } },
      );
    }
  });
}

/** Two stores over one state (two connections for Redis), or one store twice when state is per store. */
function holderAndWaiter(factory: StoreFactory): [IdempotencyStore, IdempotencyStore] {
  const stores = openMany(factory);
  return [stores[0] as IdempotencyStore, stores.at(-1) as IdempotencyStore];
}

function openMany(factory: StoreFactory): IdempotencyStore[] {
  return factory.sharesState ? Array.from({ length: 4 }, () => factory.open()) : [factory.open()];
}
