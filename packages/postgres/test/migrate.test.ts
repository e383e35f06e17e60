import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeWithPostgres,
  type PostgresServer,
  startPostgresServer,
} from '../../../test/support/postgres-server.js';
import { latestVersion } from '../src/index.js';
import { pgliteStore } from '../src/pglite.js';
import { pgKind } from './drivers.js';

describe('migrate(): the only DDL, run explicitly', () => {
  let db: PGlite;
  beforeAll(async () => {
    db = await PGlite.create();
  });
  afterAll(() => db?.close());

  it('creates the schema once and is a no-op after; schemaVersion says where it stands', async () => {
    const store = pgliteStore(db, { schema: 'once' });
    expect(await store.schemaVersion()).toBe(0);
    expect(await store.migrate()).toEqual({ from: 0, to: latestVersion });
    expect(await store.migrate()).toEqual({ from: latestVersion, to: latestVersion });
    expect(await store.schemaVersion()).toBe(latestVersion);
  });

  it('a store used before migrate() says what to run, in the error the receiver logs', async () => {
    const store = pgliteStore(db, { schema: 'never_migrated' });
    await expect(store.reserve('fusionauth:1', 't')).rejects.toThrow(
      'authhooks: the Postgres tables of the "never_migrated" schema do not exist yet. Create them once before starting the receiver: await store.migrate(), or `npx authhooks postgres migrate --url <connection string> --schema never_migrated`.',
    );
  });

  it('refuses a schema name it would have to quote, and bad durations, with what to give', () => {
    expect(() => pgliteStore(db, { schema: 'Webhooks' })).toThrow(
      'the Postgres schema name must be a lower-case identifier of at most 48 characters (letters, digits, _), such as \'authhooks\', got "Webhooks"',
    );
    expect(() => pgliteStore(db, { leaseMs: 0 })).toThrow(
      'pgliteStore leaseMs (how long an unfinished reservation blocks other attempts) must be a positive whole number of milliseconds, got 0.',
    );
    expect(() => pgliteStore({} as PGlite)).toThrow('pgliteStore takes a PGlite database');
  });

  it('expired rows are swept through the expiry index, never by reading the whole table', async () => {
    const store = pgliteStore(db, { schema: 'sweep', sweepMs: false });
    await store.migrate();
    await db.exec(`INSERT INTO sweep.deliveries
      SELECT 'k' || i, 'handled', NULL, now() + interval '1 day' FROM generate_series(1, 20000) AS i`);
    await db.exec(`INSERT INTO sweep.deliveries
      SELECT 'old' || i, 'handled', NULL, now() - interval '1 minute' FROM generate_series(1, 30) AS i`);
    await db.exec('ANALYZE sweep.deliveries');
    const plan = await db.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT key FROM sweep.deliveries WHERE expires_at <= clock_timestamp() ORDER BY expires_at LIMIT 1000`,
    );
    const text = plan.rows.map((row) => row['QUERY PLAN']).join('\n');
    expect(text).toContain('Index Scan using deliveries_expires_at');
    expect(text).not.toContain('Seq Scan');
    expect(await store.sweepExpired(20)).toBe(20);
    expect(await store.sweepExpired()).toBe(10);
    expect(await store.sweepExpired()).toBe(0);
    const { rows } = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM sweep.deliveries');
    expect(rows[0]?.count).toBe(20_000);
  });
});

describeWithPostgres('migrate() on a real server', () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgresServer();
  });
  afterAll(() => server?.stop());

  it('four instances starting at once: one migrates, the others find it done', async () => {
    const connections = await Promise.all(Array.from({ length: 4 }, () => pgKind.connect(server.url)));
    try {
      const results = await Promise.all(connections.map((c) => c.store({ schema: 'racing' }).migrate()));
      expect(results.filter((r) => r.from === 0)).toHaveLength(1);
      expect(results.every((r) => r.to === latestVersion)).toBe(true);
    } finally {
      await Promise.all(connections.map((c) => c.close()));
    }
  });
});
