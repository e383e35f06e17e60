import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';
import type { Sql, TransactionSql } from 'postgres';
import { expectTypeOf, test } from 'vitest';
import type { IdempotencyStore, PendingStore } from '../../core/src/index.js';
import { pgStore } from '../src/pg.js';
import { pgliteStore } from '../src/pglite.js';
import { postgresJsStore } from '../src/postgres-js.js';

declare const pool: Pool;
declare const sql: Sql;
declare const db: PGlite;
declare const ctx: { eventId: string };

test("transaction hands over the driver's own transaction object and returns what the work returns", () => {
  expectTypeOf(pgStore(pool).transaction(ctx, async (tx) => tx)).toEqualTypeOf<Promise<PoolClient>>();
  expectTypeOf(postgresJsStore(sql).transaction(ctx, (tx) => tx)).toEqualTypeOf<Promise<TransactionSql>>();
  expectTypeOf(pgliteStore(db).transaction(ctx, async () => 42)).toEqualTypeOf<Promise<number>>();
  pgliteStore(db).transaction(ctx, (tx) => expectTypeOf(tx).toEqualTypeOf<Transaction>());
});

test('a store is an idempotency store and a pending store, so it goes where either is taken', () => {
  expectTypeOf(pgStore(pool)).toExtend<IdempotencyStore & PendingStore>();
  // @ts-expect-error a single pg.Client is not a pool
  pgStore({} as import('pg').Client);
  // @ts-expect-error no such option
  pgStore(pool, { schemaName: 'x' });
});
