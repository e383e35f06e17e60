import type { Pool, PoolClient } from 'pg';
import { pgDriver } from './drivers/pg.js';
import type { PostgresStoreOptions } from './options.js';
import { createPostgresStore, type PostgresStore } from './store.js';

export { LeaseLostError } from './errors.js';
export type { MigrationResult } from './migrations.js';
export type { PostgresStoreOptions } from './options.js';
export type { PostgresStore } from './store.js';

/**
 * The Postgres store on node-postgres: `pgStore(new pg.Pool({ connectionString }))`. In
 * `store.transaction(ctx, async (tx) => …)`, `tx` is the transaction's `PoolClient`.
 */
export function pgStore(pool: Pool, options?: PostgresStoreOptions): PostgresStore<PoolClient> {
  return createPostgresStore('pgStore', pgDriver(pool), options);
}
