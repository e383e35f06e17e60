import type { Driver } from './driver.js';
import { leaseLostMessage, type Names } from './names.js';

/**
 * The schema, as numbered steps that never change once released (a new need is a new step). `migrate()`
 * runs the missing ones in one transaction under an advisory lock, so instances starting together
 * run each once; the store itself never runs DDL.
 */
const steps: readonly ((names: Names) => string[])[] = [
  ({ deliveries, pending, schema, channel, recordHandled }) => [
    `CREATE TABLE ${deliveries} (
  key text PRIMARY KEY,
  state text NOT NULL CHECK (state IN ('held', 'handled')),
  token text,
  expires_at timestamptz NOT NULL,
  waited boolean NOT NULL DEFAULT false
)`,
    `CREATE INDEX deliveries_expires_at ON ${deliveries} (expires_at)`,
    `CREATE TABLE ${pending} (
  id text PRIMARY KEY,
  match text NOT NULL,
  operation jsonb NOT NULL,
  state text NOT NULL CHECK (state IN ('pending', 'committed', 'rolled_back')),
  due bigint NOT NULL,
  claim_token text,
  claimed_until bigint NOT NULL DEFAULT 0,
  provisional boolean NOT NULL DEFAULT false,
  added bigint NOT NULL,
  expires_at timestamptz NOT NULL
)`,
    `CREATE INDEX pending_operations_due ON ${pending} (due) WHERE state = 'pending'`,
    `CREATE INDEX pending_operations_match ON ${pending} (match, added) WHERE state <> 'committed'`,
    `CREATE INDEX pending_operations_expires_at ON ${pending} (expires_at)`,
    // The inbox's record, inside the handler's transaction: a function, so that it raises when this
    // attempt no longer holds the lease and a driver can send it in one round trip with the COMMIT.
    `CREATE FUNCTION ${recordHandled}(p_key text, p_token text, p_ttl_ms bigint, p_message text) RETURNS void
LANGUAGE plpgsql AS $fn$
DECLARE
  was_waited boolean;
BEGIN
  UPDATE ${deliveries} SET state = 'handled', token = NULL,
    expires_at = clock_timestamp() + p_ttl_ms * interval '1 millisecond'
  WHERE key = p_key AND state = 'held' AND token = p_token
  RETURNING waited INTO was_waited;
  IF NOT FOUND THEN
    RAISE EXCEPTION '${leaseLostMessage}' USING ERRCODE = 'P0001';
  END IF;
  IF was_waited THEN
    PERFORM pg_notify('${channel}', p_message);
  END IF;
END
$fn$`,
    `COMMENT ON SCHEMA "${schema}" IS 'authhooks: handled webhook events and pending operations'`,
  ],
];

export const latestVersion = steps.length;

export interface MigrationResult {
  /** The schema version before. */
  readonly from: number;
  /** The schema version now. */
  readonly to: number;
}

/** Creates or upgrades the schema; safe to run any number of times, from several processes at once. */
export async function migrate(driver: Driver<unknown>, names: Names): Promise<MigrationResult> {
  return driver.transaction(async (sql) => {
    await sql.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`authhooks:migrate:${names.schema}`]);
    await sql.query(`CREATE SCHEMA IF NOT EXISTS "${names.schema}"`);
    await sql.query(
      `CREATE TABLE IF NOT EXISTS ${names.migrations} (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const [row] = await sql.query<{ version: string | null }>(
      `SELECT max(version)::text AS version FROM ${names.migrations}`,
    );
    const from = Number(row?.version ?? 0);
    if (from > latestVersion) {
      throw new Error(
        `authhooks: the "${names.schema}" schema is at version ${from}, newer than this @authhooks/postgres knows (${latestVersion}); upgrade @authhooks/postgres.`,
      );
    }
    for (let version = from + 1; version <= latestVersion; version++) {
      for (const statement of (steps[version - 1] as (names: Names) => string[])(names)) {
        await sql.query(statement);
      }
      await sql.query(`INSERT INTO ${names.migrations} (version) VALUES ($1)`, [String(version)]);
    }
    return { from, to: latestVersion };
  });
}

/** Where the schema stands: its version, or 0 when `migrate()` never ran. */
export async function schemaVersion(driver: Driver<unknown>, names: Names): Promise<number> {
  const [row] = await driver.query<{ version: string | null }>(
    `SELECT CASE WHEN to_regclass($1) IS NULL THEN NULL ELSE 1 END AS version`,
    [names.migrations],
  );
  if (row?.version === null || row === undefined) return 0;
  const [current] = await driver.query<{ version: string | null }>(
    `SELECT max(version)::text AS version FROM ${names.migrations}`,
  );
  return Number(current?.version ?? 0);
}
