import {
  deliveryAttempt,
  type IdempotencyStore,
  type PendingStore,
  settledHub,
  settlementMessage,
} from '@authhooks/core';
import { deliveryStatements } from './deliveries.js';
import type { Driver } from './driver.js';
import { explain } from './errors.js';
import { inbox } from './inbox.js';
import { type MigrationResult, migrate, schemaVersion } from './migrations.js';
import { namesFor } from './names.js';
import { type PostgresStoreOptions, resolveOptions } from './options.js';
import { pendingStatements, postgresPendingStore } from './pending.js';

const sweepBatch = 1_000;

/**
 * An idempotency store in PostgreSQL, shared by every receiver instance on the same database and
 * schema; it also keeps the pending operations of commit-aware handlers, and it can record an event
 * as handled inside the handler's own transaction (`transaction(ctx, …)`).
 */
export interface PostgresStore<Tx> extends IdempotencyStore, PendingStore {
  /**
   * Runs `work` in one database transaction that also records this delivery as handled (and, with
   * `onCommit`/`onRollback`, its pending operation): the handler's writes and the record commit
   * together or not at all. A retry of an event whose transaction committed is answered as a
   * duplicate; one whose transaction rolled back (a throw, a crash) runs again. Call it once per
   * delivery, from a handler of a receiver whose `idempotency` is this store.
   */
  transaction<T>(ctx: object, work: (tx: Tx) => Promise<T> | T): Promise<T>;
  /** Creates or upgrades the tables (run once per deploy; safe to repeat, from several processes). */
  migrate(): Promise<MigrationResult>;
  /** The schema's version: 0 before `migrate()`. */
  schemaVersion(): Promise<number>;
  /** Deletes up to `limit` rows past their expiry (the store does this every `sweepMs` by itself). */
  sweepExpired(limit?: number): Promise<number>;
  /** Stops the sweeper (the listener is open only while a copy waits). The pool or client stays yours to close. */
  close(): Promise<void>;
}

export function createPostgresStore<Tx>(
  factory: string,
  driver: Driver<Tx>,
  options?: PostgresStoreOptions,
): PostgresStore<Tx> {
  const { schema, ttlMs, leaseMs, onStoreError, sweepMs } = resolveOptions(factory, options);
  const names = namesFor(schema);
  const sql = deliveryStatements(names);
  const pendingSql = pendingStatements(names);
  const ttl = String(ttlMs);
  const lease = String(leaseMs);
  const recorded = new Set<string>();

  const run = async <Row extends object>(text: string, params: (string | null)[]) => {
    try {
      return await driver.query<Row>(text, params);
    } catch (error) {
      throw explain(error, names);
    }
  };
  const runner = { query: run };
  const pending = postgresPendingStore(runner, pendingSql, ttlMs);

  const stateOf = async (key: string) => {
    const [row] = await run<{ state: string }>(sql.state, [key]);
    return row === undefined ? 'free' : (row.state as 'free' | 'handled' | 'held');
  };

  const hub = settledHub({
    listen: (onMessage) => driver.listen(names.channel, onMessage),
    async check(key) {
      if ((await run(sql.wait, [key])).length > 0) return 'held';
      return stateOf(key);
    },
  });

  let sweeper: ReturnType<typeof setInterval> | undefined;
  const startSweeper = () => {
    if (sweeper !== undefined || sweepMs === false) return;
    sweeper = setInterval(() => void store.sweepExpired().catch(() => {}), sweepMs);
    sweeper.unref?.();
  };

  const store: PostgresStore<Tx> = {
    ...pending,
    ...(onStoreError !== undefined && { onStoreError }),
    leaseMs,
    async reserve(key, token) {
      startSweeper();
      // Most keys are new: one statement. A held or handled key takes a second to say which; one freed
      // between the two is tried again.
      for (let attempt = 0; attempt < 3; attempt++) {
        if ((await run(sql.reserve, [key, token, lease])).length > 0) return 'reserved';
        const state = await stateOf(key);
        if (state === 'handled') return 'duplicate';
        if (state === 'held') return 'in_progress';
      }
      return 'in_progress';
    },
    async complete(key, token) {
      if (recorded.delete(`${key}\n${token}`)) return; // its transaction recorded it
      await run(sql.complete, [key, ttl, settlementMessage(key, { state: 'handled' })]);
    },
    async release(key, token, verdict) {
      recorded.delete(`${key}\n${token}`); // recorded already: the release below finds no lease
      const message = settlementMessage(key, { state: 'released', verdict: shortVerdict(verdict) });
      await run(sql.release, [key, token, message]);
    },
    settled: (key, signal) => hub.wait(key, signal),
    transaction(ctx, work) {
      const attempt = deliveryAttempt(ctx);
      if (attempt === undefined || attempt.store !== store) {
        throw new TypeError(
          `authhooks: ${factory}'s transaction(ctx, …) records the event in the receiver's idempotency store, so it runs only inside a handler of a receiver created with \`idempotency: <this store>\` (got ${attempt === undefined ? 'a ctx of no such delivery' : 'a receiver whose idempotency is another store'}).`,
        );
      }
      return inbox(driver, names, attempt, { sql, pendingSql, ttl, ttlMs, recorded }, work);
    },
    migrate: () => migrate(driver as Driver<unknown>, names),
    schemaVersion: () => schemaVersion(driver as Driver<unknown>, names),
    async sweepExpired(limit = sweepBatch) {
      const count = String(limit);
      const [a, b] = await Promise.all([run(sql.sweep, [count]), run(pendingSql.sweep, [count])]);
      return a.length + b.length;
    },
    async close() {
      clearInterval(sweeper);
      sweeper = undefined;
    },
  };
  return store;
}

/** NOTIFY payloads are capped at 8 000 bytes: a veto's text is cut well below that. */
function shortVerdict<V extends { error: string } | undefined>(verdict: V): V {
  if (verdict === undefined || verdict.error.length <= 1_000) return verdict;
  return { ...verdict, error: verdict.error.slice(0, 1_000) };
}
