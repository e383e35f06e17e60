import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type IdempotencyStore, silentLogger } from '@authhooks/core';
import { nodeHandler } from '@authhooks/core/node';
import { fusionReceiver } from '@authhooks/fusionauth';
import { pgStore } from '@authhooks/postgres/pg';
import { postgresJsStore } from '@authhooks/postgres/postgres-js';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { pgTable, text } from 'drizzle-orm/pg-core';
import pg from 'pg';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeWithPostgres,
  type PostgresServer,
  startPostgresServer,
} from '../support/postgres-server.js';

// The README's three ways of writing in the inbox's transaction (raw pg, postgres.js, Drizzle), run as
// written against a real server: the write and the record commit together, a copy is a duplicate.
const authorization = 'drivers-test-authorization';
const users = pgTable('users', { id: text('id').primaryKey(), email: text('email') });

describeWithPostgres('the inbox with each driver the README shows', () => {
  let server: PostgresServer;
  let pool: pg.Pool;
  let sql: postgres.Sql;
  beforeAll(async () => {
    server = await startPostgresServer();
    pool = new pg.Pool({ connectionString: server.url });
    pool.on('error', () => {}); // an idle connection closed as the server stops at the end
    sql = postgres(server.url, { onnotice: () => {} });
    await pool.query('CREATE TABLE users (id text PRIMARY KEY, email text)');
  });
  afterAll(async () => {
    await pool?.end();
    await sql?.end({ timeout: 1 });
    await server?.stop();
  });

  async function serve(
    store: IdempotencyStore,
    register: (receiver: ReturnType<typeof fusionReceiver>) => void,
  ) {
    const receiver = fusionReceiver({ authorization, idempotency: store, logger: silentLogger });
    register(receiver);
    const httpServer = http.createServer(nodeHandler(receiver));
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}/`;
    const send = async (event: Record<string, unknown>) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify({ event }),
      });
      return `${response.status} ${((await response.json()) as { outcome: string }).outcome}`;
    };
    const close = async () => {
      httpServer.closeAllConnections();
      await new Promise((resolve) => httpServer.close(resolve));
      receiver.close();
    };
    return { send, close };
  }

  const email = async (id: string) =>
    (await pool.query('SELECT email FROM users WHERE id = $1', [id])).rows[0]?.email as string | undefined;

  it('raw pg: tx is the PoolClient of the transaction', async () => {
    const store = pgStore(pool, { schema: 'raw_pg' });
    await store.migrate();
    const app = await serve(store, (receiver) =>
      receiver.on('user.create', async (event, ctx) => {
        await store.transaction(ctx, async (tx) => {
          await tx.query('INSERT INTO users (id, email) VALUES ($1, $2)', [event.user.id, event.user.email]);
        });
      }),
    );
    try {
      const event = {
        type: 'user.create',
        id: randomUUID(),
        user: { id: randomUUID(), email: 'a@example.com' },
      };
      expect(await app.send(event)).toBe('200 handled');
      expect(await app.send(event)).toBe('200 duplicate');
      expect(await email(event.user.id)).toBe('a@example.com');
    } finally {
      await app.close();
    }
  });

  it("postgres.js: tx is sql.begin's TransactionSql", async () => {
    const store = postgresJsStore(sql, { schema: 'raw_postgres_js' });
    await store.migrate();
    const app = await serve(store, (receiver) =>
      receiver.on('user.create', async (event, ctx) => {
        await store.transaction(ctx, async (tx) => {
          await tx`INSERT INTO users (id, email) VALUES (${event.user.id}, ${event.user.email ?? null})`;
        });
      }),
    );
    try {
      const event = {
        type: 'user.create',
        id: randomUUID(),
        user: { id: randomUUID(), email: 'b@example.com' },
      };
      expect(await app.send(event)).toBe('200 handled');
      expect(await app.send(event)).toBe('200 duplicate');
      expect(await email(event.user.id)).toBe('b@example.com');
    } finally {
      await app.close();
    }
  });

  it("Drizzle over the transaction's connection: its writes roll back with the record", async () => {
    const store = pgStore(pool, { schema: 'drizzle' });
    await store.migrate();
    const id = randomUUID();
    await pool.query('INSERT INTO users (id, email) VALUES ($1, $2)', [id, 'old@example.com']);
    let fail = true;
    const app = await serve(store, (receiver) =>
      receiver.on('user.update', async (event, ctx) => {
        await store.transaction(ctx, async (tx) => {
          const db = drizzle({ client: tx });
          await db
            .update(users)
            .set({ email: event.user.email ?? null })
            .where(eq(users.id, event.user.id));
          if (fail) throw new Error('fails after the update, inside the transaction');
        });
      }),
    );
    try {
      const event = { type: 'user.update', id: randomUUID(), user: { id, email: 'new@example.com' } };
      expect(await app.send(event)).toBe('500 handler_error');
      expect(await email(id)).toBe('old@example.com');
      fail = false;
      expect(await app.send(event)).toBe('200 handled');
      expect(await email(id)).toBe('new@example.com');
      expect(await app.send(event)).toBe('200 duplicate');
    } finally {
      await app.close();
    }
  });
});
