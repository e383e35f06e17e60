import type { Sql, TransactionSql } from 'postgres';
import { postgresJsDriver } from './drivers/postgres-js.js';
import type { PostgresStoreOptions } from './options.js';
import { createPostgresStore, type PostgresStore } from './store.js';

export { LeaseLostError } from './errors.js';
export type { MigrationResult } from './migrations.js';
export type { PostgresStoreOptions } from './options.js';
export type { PostgresStore } from './store.js';

/**
 * The Postgres store on postgres.js: `postgresJsStore(postgres(url))`. In
 * `store.transaction(ctx, async (tx) => …)`, `tx` is the `TransactionSql` of `sql.begin`.
 */
export function postgresJsStore(sql: Sql, options?: PostgresStoreOptions): PostgresStore<TransactionSql> {
  return createPostgresStore('postgresJsStore', postgresJsDriver(sql), options);
}
