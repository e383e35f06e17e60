import { type DeliveryAttempt, settlementMessage } from '@authhooks/core';
import type { deliveryStatements } from './deliveries.js';
import type { Driver } from './driver.js';
import { explain, LeaseLostError } from './errors.js';
import type { Names } from './names.js';
import { addPendingParams, type PendingStatements } from './pending.js';

export interface InboxSettings {
  readonly sql: ReturnType<typeof deliveryStatements>;
  readonly pendingSql: PendingStatements;
  readonly ttl: string;
  readonly ttlMs: number;
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
  { sql, pendingSql, ttl, ttlMs }: InboxSettings,
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
    return await driver.transaction(async (runner, tx) => {
      const result = await work(tx);
      if (attempt.reserved) {
        const recorded = await runner.query(sql.completeHeld, [attempt.key, attempt.token, ttl, message]);
        if (recorded.length === 0) throw new LeaseLostError(attempt.key);
      } else {
        await runner.query(sql.complete, [attempt.key, ttl, message]);
      }
      if (operation !== undefined) {
        await runner.query(pendingSql.add, addPendingParams(operation, true, ttlMs));
      }
      return result;
    });
  } catch (error) {
    used.delete(attempt); // rolled back: nothing is recorded, so the handler may try again
    throw explain(error, names);
  }
}
