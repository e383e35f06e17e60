export type Reservation = 'reserved' | 'duplicate' | 'in_progress';

/**
 * Shared memory of handled events. `reserve` must be atomic: of two concurrent calls for one key,
 * exactly one gets `reserved`. A reservation that is neither completed nor released expires after
 * the store's lease time, so a crashed instance cannot block an event forever.
 *
 * `token` is unique per delivery attempt. It fences the lease: once a lease expired and another
 * instance reserved the key, the first instance's late `release` must not free the second one's
 * reservation, so `release` only deletes an `in_progress` entry holding the same token.
 */
export interface IdempotencyStore {
  reserve(key: string, token: string): Promise<Reservation>;
  /** The handlers succeeded: remember the key as handled for the store's TTL (whoever holds the lease now). */
  complete(key: string, token: string): Promise<void>;
  /** The handlers failed, vetoed or timed out: forget this attempt's reservation so the provider's retry runs them again. */
  release(key: string, token: string): Promise<void>;
  /**
   * What the receiver does when the store fails or is too slow: `'fail'` (default) answers 503 so the
   * provider retries; `'process'` runs the handlers without deduplication.
   */
  readonly onStoreError?: 'fail' | 'process';
}
