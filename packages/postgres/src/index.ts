// The store is created from the driver's entry point, which types the transaction object as that
// driver's: '@authhooks/postgres/pg', '@authhooks/postgres/postgres-js', '@authhooks/postgres/pglite'.
export { LeaseLostError } from './errors.js';
export { latestVersion, type MigrationResult } from './migrations.js';
export { defaultSchema } from './names.js';
export type { PostgresStoreOptions } from './options.js';
export type { PostgresStore } from './store.js';
