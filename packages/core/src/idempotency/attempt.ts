import type { PendingOperation, PendingStore } from '../commit/types.js';
import type { IdempotencyStore } from './types.js';

/**
 * The delivery attempt a handler runs in, as a store that records inside the handler's own database
 * transaction needs it (a transactional inbox): which key and lease token it holds, and the pending
 * operation commit-aware handlers will track for it. For store packages; handlers never need it.
 */
export interface DeliveryAttempt {
  /** The receiver's idempotency store. */
  readonly store: IdempotencyStore;
  /** The store key of the event (`<provider>:<event id>`). */
  readonly key: string;
  /** This attempt's lease token. */
  readonly token: string;
  /**
   * True when this attempt holds the key's lease; false when the store failed and `onStoreError:
   * 'process'` runs the handlers without one.
   */
  readonly reserved: boolean;
  /**
   * The operation `onCommit`/`onRollback` will track for this delivery, with the store that keeps it
   * (undefined when no commit-aware handler concerns the event). Its `dueAt` assumes a 2xx answer now;
   * the receiver records the real answer afterwards.
   */
  pending(): { readonly store: PendingStore; readonly operation: PendingOperation } | undefined;
}

const attempts = new WeakMap<object, DeliveryAttempt>();

/** The attempt a handler's `ctx` belongs to; undefined outside a handler or without an idempotency store. */
export function deliveryAttempt(ctx: object): DeliveryAttempt | undefined {
  return attempts.get(ctx);
}

export function attachAttempt(ctx: object, attempt: DeliveryAttempt): void {
  attempts.set(ctx, attempt);
}
