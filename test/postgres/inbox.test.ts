import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { memoryStore, silentLogger } from '@authhooks/core';
import { nodeHandler } from '@authhooks/core/node';
import { fusionReceiver } from '@authhooks/fusionauth';
import { pgStore } from '@authhooks/postgres/pg';
import { type PostgresStoreOptions, pgliteStore } from '@authhooks/postgres/pglite';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeWithPostgres,
  type PostgresServer,
  startPostgresServer,
} from '../support/postgres-server.js';

// The transactional inbox over real HTTP, on PGlite (no server needed, so every clone runs it): what a
// handler writes in store.transaction() and the record that its event was handled commit together.
const authorization = 'inbox-test-authorization';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface App {
  url: string;
  db: PGlite;
  store: ReturnType<typeof pgliteStore>;
  receiver: ReturnType<typeof fusionReceiver>;
  close(): Promise<void>;
}

async function startApp(
  options: PostgresStoreOptions & { timeoutMs?: number } = {},
  db?: PGlite,
): Promise<App> {
  const database = db ?? (await PGlite.create());
  const { timeoutMs = 2_000, ...storeOptions } = options;
  const store = pgliteStore(database, storeOptions);
  await store.migrate();
  await database.exec(
    'CREATE TABLE IF NOT EXISTS effects (event_id text, part int, PRIMARY KEY (event_id, part))',
  );
  const receiver = fusionReceiver({ authorization, idempotency: store, timeoutMs, logger: silentLogger });
  const server = http.createServer(nodeHandler(receiver));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    db: database,
    store,
    receiver,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await store.close();
      receiver.close();
    },
  };
}

function deliver(app: App, eventId: string, userId = 'user-1') {
  return deliverTo(app.url, eventId, userId);
}

async function deliverTo(url: string, eventId: string, userId = 'user-1') {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ event: { type: 'user.delete', id: eventId, user: { id: userId } } }),
  });
  const body = (await response.json()) as { outcome?: string };
  return { status: response.status, outcome: body.outcome };
}

const parts = async (db: PGlite, eventId: string) =>
  (
    await db.query<{ part: number }>('SELECT part FROM effects WHERE event_id = $1 ORDER BY part', [eventId])
  ).rows.map((row) => row.part);

describe('store.transaction(ctx, …): the transactional inbox', () => {
  let app: App;
  const runs = new Map<string, number>();
  beforeAll(async () => {
    app = await startApp();
    app.receiver.on('user.delete', async (event, ctx) => {
      const run = (runs.get(event.id) ?? 0) + 1;
      runs.set(event.id, run);
      const mode = event.user.id;
      await app.store.transaction(ctx, async (tx) => {
        await tx.query('INSERT INTO effects VALUES ($1, 1)', [event.id]);
        if (mode === 'throw-inside' && run === 1) throw new Error('the second write failed');
        await tx.query('INSERT INTO effects VALUES ($1, 2)', [event.id]);
      });
      if (mode === 'throw-after' && run === 1) throw new Error('failed after the transaction committed');
      if (mode === 'twice') await app.store.transaction(ctx, async () => {});
    });
  });
  afterAll(() => app?.close());

  it('the effect and the record commit together: a copy after it is a duplicate and nothing runs twice', async () => {
    const eventId = randomUUID();
    expect(await deliver(app, eventId)).toEqual({ status: 200, outcome: 'handled' });
    expect(await parts(app.db, eventId)).toEqual([1, 2]);
    expect(await deliver(app, eventId)).toEqual({ status: 200, outcome: 'duplicate' });
    expect(runs.get(eventId)).toBe(1);
  });

  it('a throw inside the transaction rolls back the effect and the record: 500, and the retry runs it whole', async () => {
    const eventId = randomUUID();
    expect(await deliver(app, eventId, 'throw-inside')).toEqual({ status: 500, outcome: 'handler_error' });
    expect(await parts(app.db, eventId)).toEqual([]);
    expect(await deliver(app, eventId, 'throw-inside')).toEqual({ status: 200, outcome: 'handled' });
    expect(await parts(app.db, eventId)).toEqual([1, 2]);
  });

  it('a throw after the transaction committed answers 500, but the retry is a duplicate: the effect happened once', async () => {
    const eventId = randomUUID();
    expect(await deliver(app, eventId, 'throw-after')).toEqual({ status: 500, outcome: 'handler_error' });
    expect(await deliver(app, eventId, 'throw-after')).toEqual({ status: 200, outcome: 'duplicate' });
    expect(runs.get(eventId)).toBe(1);
    expect(await parts(app.db, eventId)).toEqual([1, 2]);
  });

  it('concurrent copies wait for the first (NOTIFY at its commit) and answer duplicate', async () => {
    const eventId = randomUUID();
    const answers = await Promise.all(Array.from({ length: 5 }, () => deliver(app, eventId)));
    expect(answers.map((a) => a.outcome).sort()).toEqual([
      'duplicate',
      'duplicate',
      'duplicate',
      'duplicate',
      'handled',
    ]);
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(runs.get(eventId)).toBe(1);
  });

  it('a second transaction in one delivery is refused: one delivery, one atomic record', async () => {
    const eventId = randomUUID();
    expect(await deliver(app, eventId, 'twice')).toEqual({ status: 500, outcome: 'handler_error' });
    // The first transaction committed: the event is recorded and its effect is whole.
    expect(await parts(app.db, eventId)).toEqual([1, 2]);
    expect(await deliver(app, eventId, 'twice')).toEqual({ status: 200, outcome: 'duplicate' });
  });
});

describe('store.transaction(ctx, …) used wrongly says what to do', () => {
  it('outside a handler, or with a receiver whose idempotency is another store', async () => {
    const db = await PGlite.create();
    const store = pgliteStore(db);
    expect(() => store.transaction({}, async () => {})).toThrow(
      /runs only inside a handler of a receiver created with `idempotency: <this store>` \(got a ctx of no such delivery\)/,
    );
    const receiver = fusionReceiver({ authorization, idempotency: memoryStore(), logger: silentLogger });
    let message = '';
    receiver.on('user.delete', (_event, ctx) => {
      try {
        void store.transaction(ctx, async () => {});
      } catch (error) {
        message = (error as Error).message;
      }
    });
    await receiver.receive({
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ event: { type: 'user.delete', id: randomUUID(), user: { id: 'u' } } }),
    });
    expect(message).toContain('(got a receiver whose idempotency is another store)');
    await db.close();
  });
});

// PGlite is one connection: while a transaction runs, every other statement waits for it. Two attempts
// in their transactions at once need a server.
describeWithPostgres('a lease that ran out while the transaction ran', () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgresServer();
  });
  afterAll(() => server?.stop());

  it('the attempt that lost it rolls back (LeaseLostError); the one that took it over commits: the effect happens once', async () => {
    const pool = new pg.Pool({ connectionString: server.url });
    pool.on('error', () => {}); // an idle connection closed as the server stops at the end
    const store = pgStore(pool, { leaseMs: 400 });
    await store.migrate();
    await pool.query('CREATE TABLE effects (event_id text, part int, PRIMARY KEY (event_id, part))');
    const receiver = fusionReceiver({
      authorization,
      idempotency: store,
      timeoutMs: 300,
      logger: silentLogger,
    });
    const httpServer = http.createServer(nodeHandler(receiver));
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}/`;
    const errors: unknown[] = [];
    let slowStarted = false;
    receiver.on('user.delete', async (event, ctx) => {
      const slow = !slowStarted;
      slowStarted = true;
      try {
        await store.transaction(ctx, async (tx) => {
          // Each attempt writes its own row, so neither waits on the other's lock: both would commit
          // without the inbox's check.
          await tx.query('INSERT INTO effects VALUES ($1, $2)', [event.id, slow ? 1 : 2]);
          if (slow) await sleep(900); // ignores ctx.signal: its lease runs out meanwhile
        });
      } catch (error) {
        errors.push(error);
        throw error;
      }
    });
    try {
      const eventId = randomUUID();
      expect(await deliverTo(url, eventId)).toEqual({ status: 504, outcome: 'timeout' });
      await sleep(200); // past the 400 ms lease; the first handler is still in its transaction
      expect(await deliverTo(url, eventId)).toEqual({ status: 200, outcome: 'handled' });
      await sleep(600);
      expect(errors).toHaveLength(1);
      expect((errors[0] as Error).name).toBe('LeaseLostError');
      expect((errors[0] as Error).message).toContain("Raise the store's leaseMs");
      const { rows } = await pool.query('SELECT part FROM effects WHERE event_id = $1', [eventId]);
      expect(rows).toEqual([{ part: 2 }]); // the slow attempt's row rolled back
      expect(await deliverTo(url, eventId)).toEqual({ status: 200, outcome: 'duplicate' });
    } finally {
      httpServer.closeAllConnections();
      await new Promise((resolve) => httpServer.close(resolve));
      receiver.close();
      await store.close();
      await pool.end();
    }
  });
});
