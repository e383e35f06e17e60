export type Reservation = 'reserved' | 'duplicate' | 'in_progress';

/**
 * Shared memory of handled events. `reserve` must be atomic: of two concurrent calls for one key,
 * exactly one gets `reserved`. A reservation that is neither completed nor released expires after
 * the store's lock time, so a crashed instance cannot block an event forever.
 */
export interface IdempotencyStore {
  reserve(key: string): Promise<Reservation>;
  /** The handlers succeeded: remember the key for the store's TTL. */
  complete(key: string): Promise<void>;
  /** The handlers failed, vetoed or timed out: forget the key so the provider's retry runs them again. */
  release(key: string): Promise<void>;
}
