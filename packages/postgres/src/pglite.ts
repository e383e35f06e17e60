import type { PGlite, Transaction } from '@electric-sql/pglite';
import { pgliteDriver } from './drivers/pglite.js';
import type { PostgresStoreOptions } from './options.js';
import { createPostgresStore, type PostgresStore } from './store.js';

export { LeaseLostError } from './errors.js';
export type { MigrationResult } from './migrations.js';
export type { PostgresStoreOptions } from './options.js';
export type { PostgresStore } from './store.js';

/**
 * The Postgres store on PGlite, Postgres embedded in the process (one process only: PGlite is not a
 * server). In `store.transaction(ctx, async (tx) => …)`, `tx` is PGlite's `Transaction`.
 */
export function pgliteStore(db: PGlite, options?: PostgresStoreOptions): PostgresStore<Transaction> {
  return createPostgresStore('pgliteStore', pgliteDriver(db), options);
}
