/**
 * Receiver instances in separate processes sharing one PostgreSQL, as behind a load balancer: `a` on
 * node-postgres, `b` on postgres.js. Each runs fixtures/postgres-receiver.mjs (see there what its
 * handlers write). The helpers read the app's tables with their own pool.
 */
import pg from 'pg';
import { expect } from 'vitest';
import { expectResolvedTarget, startTestProcess, type TestProcess } from '../support/test-process.js';

export const authorization = 'postgres-reliability-authorization';

export interface Instance {
  readonly name: string;
  readonly process: TestProcess;
  readonly url: string;
}

export interface InstanceSettings {
  readonly schema: string;
  readonly leaseMs: number;
  readonly timeoutMs: number;
  readonly handlerMs: number;
  readonly poolMax?: number;
  readonly statementTimeoutMs?: number;
  readonly windowMs?: number;
}

export async function startInstance(
  pgUrl: string,
  driver: 'pg' | 'postgres.js',
  settings: InstanceSettings,
): Promise<Instance> {
  const process = startTestProcess(new URL('./fixtures/postgres-receiver.mjs', import.meta.url), {
    PG_URL: pgUrl,
    PG_DRIVER: driver,
    SCHEMA: settings.schema,
    AUTHORIZATION: authorization,
    LEASE_MS: String(settings.leaseMs),
    TIMEOUT_MS: String(settings.timeoutMs),
    HANDLER_MS: String(settings.handlerMs),
    POOL_MAX: String(settings.poolMax ?? 10),
    WINDOW_MS: String(settings.windowMs ?? 60_000),
    ...(settings.statementTimeoutMs !== undefined && {
      STATEMENT_TIMEOUT_MS: String(settings.statementTimeoutMs),
    }),
  });
  const { ready } = (await process.next((m) => m.ready !== undefined, 20_000)) as {
    ready: { port: number; resolved: Record<string, string> };
  };
  for (const url of Object.values(ready.resolved)) expectResolvedTarget(url);
  return { name: `${driver} instance`, process, url: `http://127.0.0.1:${ready.port}/` };
}

export interface Answer {
  readonly status: number;
  readonly outcome: unknown;
}

/** One FusionAuth delivery over real HTTP; a hang past `timeoutMs` fails. */
export async function deliver(
  instance: Instance,
  eventId: string,
  userId = 'user-1',
  type: 'user.delete' | 'user.create' = 'user.delete',
  timeoutMs = 15_000,
): Promise<Answer> {
  const response = await fetch(instance.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ event: { type, id: eventId, user: { id: userId } } }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = (await response.json()) as { outcome?: unknown };
  return { status: response.status, outcome: body.outcome };
}

/** The app's tables and the store's, read over a pool of the test's own. */
export function appTables(pgUrl: string, schema: string) {
  const pool = new pg.Pool({ connectionString: pgUrl, max: 2 });
  pool.on('error', () => {});
  const one = async (text: string, params: unknown[]) => (await pool.query(text, params)).rows[0];
  return {
    /** The parts of `eventId`'s effect that committed. */
    async parts(eventId: string): Promise<number[]> {
      const { rows } = await pool.query('SELECT part FROM app.effects WHERE event_id = $1 ORDER BY part', [
        eventId,
      ]);
      return rows.map((row) => Number(row.part));
    },
    async runs(eventId: string): Promise<number> {
      return Number((await one('SELECT n FROM app.runs WHERE event_id = $1', [eventId]))?.n ?? 0);
    },
    async recorded(eventId: string): Promise<string | undefined> {
      const row = await one(`SELECT state FROM "${schema}".deliveries WHERE key = $1`, [
        `fusionauth:${eventId}`,
      ]);
      return row?.state;
    },
    async rollback(eventId: string): Promise<string | undefined> {
      return (await one('SELECT decided_by FROM app.rollbacks WHERE event_id = $1', [eventId]))?.decided_by;
    },
    async pending(eventId: string): Promise<{ state: string; provisional: boolean } | undefined> {
      return one(`SELECT state, provisional FROM "${schema}".pending_operations WHERE id = $1`, [eventId]);
    },
    close: () => pool.end(),
  };
}

export function expectAlive(...instances: Instance[]): void {
  for (const { name, process } of instances) {
    expect(process.child.exitCode, `${name} exited:\n${process.stderr()}`).toBeNull();
    expect(process.child.signalCode, `${name} was killed`).toBeNull();
  }
}
