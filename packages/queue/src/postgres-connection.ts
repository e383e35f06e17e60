import {
  PostgresConnection as BullConnection,
  type PgPool,
  type PostgresConnectionOptions,
  runMigrations,
} from 'bullmq';
import { redactUrl } from './connection.js';

/**
 * A `pg.Pool` (node-postgres). BullMQ's own structural type for it does not accept the `pg.Pool` of
 * @types/pg 8.23 (its generic `on`), so the queue takes this and hands the pool over as it is.
 */
export interface PgPoolLike {
  connect(): Promise<unknown>;
  end(): Promise<void>;
  readonly totalCount: number;
}

/**
 * Where the queue's PostgreSQL is (BullMQ's PostgreSQL backend): a connection string, a pg pool config
 * (with `schema` for BullMQ's tables, default `bullmq`), or a `pg.Pool` you own (never closed here; its
 * connections must have BullMQ's schema on their search_path if it is not the default).
 */
export type PostgresConnection =
  | string
  | URL
  | Exclude<PostgresConnectionOptions, string | PgPool>
  | PgPoolLike;

/** The connection BullMQ is given, and where it points without the password (for messages). */
export function postgresConnection(connection: unknown): {
  options: PostgresConnectionOptions;
  address: string;
} {
  if (typeof connection === 'string' || connection instanceof URL) {
    const url = String(connection);
    if (!/^postgres(ql)?:\/\//i.test(url)) {
      throw new TypeError(
        `@authhooks/queue: postgres "${redactUrl(url)}" is not a PostgreSQL URL; give postgres://user@host:port/db, ` +
          'a pg pool config ({ connectionString, schema }) or a pg.Pool.',
      );
    }
    return { options: url, address: hostOf(url) };
  }
  if (typeof connection === 'object' && connection !== null && !Array.isArray(connection)) {
    if (isPgPool(connection)) {
      const url = (connection as { options?: { connectionString?: unknown } }).options?.connectionString;
      return {
        options: connection as unknown as PostgresConnectionOptions,
        address: typeof url === 'string' ? hostOf(url) : 'a pg.Pool',
      };
    }
    const config = connection as { connectionString?: unknown; host?: unknown; port?: unknown };
    const address =
      typeof config.connectionString === 'string'
        ? hostOf(config.connectionString)
        : `${String(config.host ?? 'localhost')}:${String(config.port ?? 5432)}`;
    return { options: connection as PostgresConnectionOptions, address };
  }
  throw new TypeError(
    '@authhooks/queue: postgres must be a PostgreSQL URL (process.env.DATABASE_URL), a pg pool config ({ connectionString, schema }) or a pg.Pool.',
  );
}

function hostOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return redactUrl(url);
  }
}

function isPgPool(value: unknown): value is PgPoolLike {
  const pool = value as Partial<PgPoolLike> | null;
  return (
    typeof pool === 'object' &&
    pool !== null &&
    typeof pool.connect === 'function' &&
    typeof pool.totalCount === 'number'
  );
}

/**
 * Creates or upgrades BullMQ's tables on this connection (BullMQ's own migrations, in one transaction
 * under its advisory lock): on a pool you own through one of its connections, otherwise through a
 * connection opened for it and closed after.
 */
export async function migratePostgres(connection: PostgresConnection): Promise<void> {
  if (isPgPool(connection)) {
    const client = await (connection as unknown as PgPool).connect();
    try {
      await runMigrations(client);
    } finally {
      client.release();
    }
    return;
  }
  const config =
    typeof connection === 'string' || connection instanceof URL
      ? { connectionString: String(connection) }
      : (connection as unknown as Exclude<PostgresConnectionOptions, string | PgPool>);
  const owned = new BullConnection({ ...config, migrate: true });
  try {
    await owned.waitUntilReady();
  } finally {
    await owned.close();
  }
}
