import { type DeliveryAttempt, settlementMessage } from '@authhooks/core';
import type { deliveryStatements } from './deliveries.js';
import type { Driver } from './driver.js';
import { explain, LeaseLostError } from './errors.js';
import { leaseLostMessage, type Names } from './names.js';
import { addPendingParams, type PendingStatements } from './pending.js';

export interface InboxSettings {
  readonly sql: ReturnType<typeof deliveryStatements>;
  readonly pendingSql: PendingStatements;
  readonly ttl: string;
  readonly ttlMs: number;
  /**
   * Attempts whose record this transaction wrote (`key\ntoken`): the receiver's `complete` after the
   * handlers then has nothing left to write and skips its round trip.
   */
  readonly recorded: Set<string>;
}

/** Attempts whose transaction runs or committed: a second one would not be atomic with the first. */
const used = new WeakSet<DeliveryAttempt>();

/**
 * The transactional inbox: the handler's work, the record that the event was handled and the pending
 * operation of commit-aware handlers, in one transaction. The record is written last, and only while
 * this attempt still holds the event's lease: if the lease ran out and another attempt took the event
 * over, everything rolls back, so the effect happens once.
 */
export async function inbox<Tx, T>(
  driver: Driver<Tx>,
  names: Names,
  attempt: DeliveryAttempt,
  { sql, pendingSql, ttl, ttlMs, recorded }: InboxSettings,
  work: (tx: Tx) => Promise<T> | T,
): Promise<T> {
  if (typeof work !== 'function') {
    throw new TypeError(
      'authhooks: transaction(ctx, work) takes the function that does the SQL: async (tx) => { … }.',
    );
  }
  if (used.has(attempt)) {
    throw new TypeError(
      'authhooks: transaction(ctx, …) ran already for this delivery; do all of its SQL in one call (one transaction records the event once).',
    );
  }
  used.add(attempt);
  const pending = attempt.pending();
  const operation =
    pending !== undefined && (pending.store as object) === attempt.store ? pending.operation : undefined;
  const message = settlementMessage(attempt.key, { state: 'handled' });
  try {
    // The record goes last, with the COMMIT: it raises when the lease was taken over meanwhile.
    const record = attempt.reserved
      ? { text: sql.completeHeld, params: [attempt.key, attempt.token, ttl, message] }
      : { text: sql.complete, params: [attempt.key, ttl, message] };
    const result = await driver.transaction(async (runner, tx) => {
      const result = await work(tx);
      if (operation !== undefined) {
        await runner.query(pendingSql.add, addPendingParams(operation, true, ttlMs));
      }
      return result;
    }, record);
    if (attempt.reserved) recorded.add(`${attempt.key}\n${attempt.token}`);
    return result;
  } catch (error) {
    used.delete(attempt); // rolled back: nothing is recorded, so the handler may try again
    if (String((error as { message?: unknown } | null)?.message).includes(leaseLostMessage)) {
      throw new LeaseLostError(attempt.key);
    }
    throw explain(error, names);
  }
}
