export type Reservation = 'reserved' | 'duplicate' | 'in_progress';

/** How a vetoed attempt was answered, so copies that waited for it answer the same. */
export interface Verdict {
  /** The 4xx/5xx the veto asked for; absent: the receiver's `rejected` status (422 by default). */
  readonly status?: number | undefined;
  /** The veto's short text (what the answer's `error` said). */
  readonly error: string;
}

/**
 * How the attempt a copy waited for ended: `handled` (the key is recorded; answer as a duplicate),
 * `released` (the key is free again: with a `verdict` the attempt was vetoed and the copy answers the
 * same, without one it failed or its lease ran out and the copy may take it over), or `in_progress`
 * (the wait was given up while the attempt still ran).
 */
export type Settlement =
  | { readonly state: 'handled' }
  | { readonly state: 'released'; readonly verdict?: Verdict | undefined }
  | { readonly state: 'in_progress' };

/**
 * Shared memory of handled events. `reserve` must be atomic: of two concurrent calls for one key,
 * exactly one gets `reserved`. A reservation that is neither completed nor released expires after
 * the store's lease time, so a crashed instance cannot block an event forever.
 *
 * `token` is unique per delivery attempt. It fences the lease: once a lease expired and another
 * instance reserved the key, the first instance's late `release` must not free the second one's
 * reservation, so `release` only deletes an `in_progress` entry holding the same token.
 *
 * A copy of an event that finds it `in_progress` waits for that attempt (FusionAuth counts a 409 as a
 * failed vote and may roll back an operation whose handler succeeded). A store that can tell waiters
 * when a key settles implements `settled`; without it the receiver asks `reserve` again at growing
 * intervals.
 */
export interface IdempotencyStore {
  reserve(key: string, token: string): Promise<Reservation>;
  /** The handlers succeeded: remember the key as handled for the store's TTL (whoever holds the lease now). */
  complete(key: string, token: string): Promise<void>;
  /**
   * The handlers failed, vetoed or timed out: forget this attempt's reservation so the provider's retry
   * runs them again. `verdict` is given when a handler vetoed, for the copies waiting on this attempt.
   */
  release(key: string, token: string, verdict?: Verdict): Promise<void>;
  /**
   * Resolves once the key is no longer held by a running attempt (completed, released, or its lease
   * ran out), or with `in_progress` when `signal` aborts first. Must not poll the backing service per
   * waiter in a tight loop.
   */
  settled?(key: string, signal: AbortSignal): Promise<Settlement>;
  /** How long a reservation lasts unless completed or released; the receiver refuses one not above its `timeoutMs`. */
  readonly leaseMs?: number;
  /**
   * What the receiver does when the store fails or is too slow: `'fail'` (default) answers 503 so the
   * provider retries; `'process'` runs the handlers without deduplication.
   */
  readonly onStoreError?: 'fail' | 'process';
}
