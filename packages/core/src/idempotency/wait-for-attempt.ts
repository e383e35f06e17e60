import type { IdempotencyStore, Settlement } from './types.js';

/** What a waiting copy learns: how the other attempt ended, or (polling) that it now holds the key itself. */
export type AttemptEnded = Settlement | { readonly state: 'reserved' };

/** The fallback wait (a store without `settled`): first re-check after 25 ms, doubling up to 400 ms. */
const pollStartMs = 25;
const pollMaxMs = 400;

/**
 * Waits until the attempt holding `key` has settled: through the store's `settled` when it has one,
 * otherwise by asking `reserve` again at growing intervals, which takes the key over (`reserved`, with
 * `token`) the moment it is free. Resolves `in_progress` once `signal` aborts; a reservation that lands
 * after that is released again, so it never blocks the provider's retry.
 */
export function waitForAttempt(
  store: IdempotencyStore,
  key: string,
  token: string,
  signal: AbortSignal,
): Promise<AttemptEnded> {
  if (store.settled !== undefined) return Promise.resolve(store.settled(key, signal));
  return poll(store, key, token, signal, pollStartMs);
}

async function poll(
  store: IdempotencyStore,
  key: string,
  token: string,
  signal: AbortSignal,
  delayMs: number,
): Promise<AttemptEnded> {
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  if (signal.aborted) return { state: 'in_progress' };
  const result = await store.reserve(key, token);
  if (signal.aborted) {
    if (result === 'reserved') await store.release(key, token).catch(() => {});
    return { state: 'in_progress' };
  }
  if (result === 'reserved') return { state: 'reserved' };
  if (result === 'duplicate') return { state: 'handled' };
  return poll(store, key, token, signal, Math.min(delayMs * 2, pollMaxMs));
}
