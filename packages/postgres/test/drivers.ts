/**
 * The three drivers, each opened the way a user opens it, for the suites that run on all of them.
 * `pg` and `postgres.js` need a server (`startPostgresServer`); PGlite runs in the process.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import postgres from 'postgres';
import type { PostgresStore, PostgresStoreOptions } from '../src/index.js';
import { pgStore } from '../src/pg.js';
import { pgliteStore } from '../src/pglite.js';
import { postgresJsStore } from '../src/postgres-js.js';

export interface Connected {
  /** A store over this connection. */
  store(options?: PostgresStoreOptions): PostgresStore<unknown>;
  /** Runs SQL outside any store (checks, setup). */
  query(text: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export interface DriverKind {
  readonly name: string;
  readonly needsServer: boolean;
  connect(
    url: string | undefined,
    settings?: { max?: number; statementTimeoutMs?: number },
  ): Promise<Connected>;
}

export const pgKind: DriverKind = {
  name: 'pg (node-postgres)',
  needsServer: true,
  async connect(url, settings = {}) {
    const pool = new pg.Pool({
      connectionString: url,
      max: settings.max ?? 10,
      ...(settings.statementTimeoutMs !== undefined && { statement_timeout: settings.statementTimeoutMs }),
    });
    pool.on('error', () => {}); // an idle connection dropped by a server stop: the next query reconnects
    return {
      store: (options) => pgStore(pool, options) as PostgresStore<unknown>,
      query: async (text, params) => (await pool.query(text, params)).rows,
      close: () => pool.end(),
    };
  },
};

export const postgresJsKind: DriverKind = {
  name: 'postgres.js',
  needsServer: true,
  async connect(url, settings = {}) {
    const sql = postgres(url as string, {
      max: settings.max ?? 10,
      onnotice: () => {},
      ...(settings.statementTimeoutMs !== undefined && {
        connection: { statement_timeout: settings.statementTimeoutMs },
      }),
    });
    return {
      store: (options) => postgresJsStore(sql, options) as PostgresStore<unknown>,
      query: async (text, params) => [...(await sql.unsafe(text, (params ?? []) as never[]))],
      close: () => sql.end({ timeout: 1 }),
    };
  },
};

export const pgliteKind: DriverKind = {
  name: 'PGlite',
  needsServer: false,
  async connect() {
    const db = await PGlite.create();
    return {
      store: (options) => pgliteStore(db, options) as PostgresStore<unknown>,
      query: async (text, params) => (await db.query<Record<string, unknown>>(text, params)).rows,
      close: () => db.close(),
    };
  },
};

export const serverKinds = [pgKind, postgresJsKind];
