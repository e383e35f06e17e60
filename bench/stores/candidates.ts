import { randomUUID } from 'node:crypto';
import { type IdempotencyStore, memoryStore, silentLogger } from '@authhooks/core';
import { fusionReceiver } from '@authhooks/fusionauth';
import { pgStore } from '@authhooks/postgres/pg';
import { postgresJsStore } from '@authhooks/postgres/postgres-js';
import { redisStore } from '@authhooks/redis';
import { Redis } from 'ioredis';
import pg from 'pg';
import postgres from 'postgres';

const authorization = 'bench-stores-key';

/** One way of handling a user.delete: how its idempotency and its write are done. */
export interface StoreCandidate {
  readonly name: string;
  /** Handles one new event in-process (receive()), resolving with its HTTP status. */
  deliver(): Promise<number>;
  /** Round trips to the database or Redis so far (counted where the client lets us). */
  roundTrips(): number | undefined;
  close(): Promise<void>;
}

export interface Servers {
  readonly postgresUrl: string;
  readonly redisUrl: string;
}

const body = (id: string) =>
  JSON.stringify({ event: { type: 'user.delete', id, user: { id: randomUUID() } } });
const headers = { authorization, 'content-type': 'application/json' };

/** A pg pool whose every query is counted: each is one round trip (pg does not pipeline). */
function countingPool(url: string): { pool: pg.Pool; count: () => number } {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', () => {}); // idle connections closed as the server stops at the end
  let count = 0;
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      count++;
      return query(...args);
    };
  });
  return { pool, count: () => count };
}

function receiverWith(
  idempotency: IdempotencyStore | undefined,
  handle: (userId: string, ctx: object) => Promise<void>,
) {
  return fusionReceiver({
    authorization,
    logger: silentLogger,
    ...(idempotency !== undefined && { idempotency }),
  }).on('user.delete', (event, ctx) => handle(event.user.id, ctx));
}

async function run(receiver: ReturnType<typeof receiverWith>): Promise<number> {
  const answer = await receiver.receive({ method: 'POST', headers, body: body(randomUUID()) });
  return answer.status;
}

export async function storeCandidates({
  postgresUrl,
  redisUrl,
}: Servers): Promise<{ candidates: StoreCandidate[]; close: () => Promise<void> }> {
  const app = countingPool(postgresUrl);
  await app.pool.query('CREATE TABLE IF NOT EXISTS bench_deleted (id text)');
  const insert = (db: pg.Pool | pg.PoolClient, id: string) =>
    db.query('INSERT INTO bench_deleted (id) VALUES ($1)', [id]).then(() => undefined);

  const pgBacked = pgStore(app.pool, { schema: 'bench_pg' });
  await pgBacked.migrate();
  const sql = postgres(postgresUrl, { max: 10, onnotice: () => {} });
  const jsBacked = postgresJsStore(sql, { schema: 'bench_postgres_js' });
  await jsBacked.migrate();
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  const redisBacked = redisStore({ client: redis });

  const plain = (
    name: string,
    store: IdempotencyStore | undefined,
    write: (id: string, ctx: object) => Promise<void>,
    roundTrips: () => number | undefined = app.count,
  ): StoreCandidate => {
    const receiver = receiverWith(store, write);
    return { name, deliver: () => run(receiver), roundTrips, close: async () => receiver.close() };
  };

  const candidates: StoreCandidate[] = [
    plain('no store; the handler inserts (autocommit)', undefined, (id) => insert(app.pool, id)),
    plain('memoryStore; the handler inserts', memoryStore(), (id) => insert(app.pool, id)),
    plain('redisStore (ioredis); the handler inserts', redisBacked, (id) => insert(app.pool, id)),
    plain('pgStore; the handler inserts', pgBacked, (id) => insert(app.pool, id)),
    plain('postgresJsStore; the handler inserts (pg)', jsBacked, (id) => insert(app.pool, id)),
    plain('no store; the handler inserts in its own transaction', undefined, async (id) => {
      const client = await app.pool.connect();
      try {
        await client.query('BEGIN');
        await insert(client, id);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    }),
    plain('pgStore inbox: insert + record in one transaction', pgBacked, (id, ctx) =>
      pgBacked.transaction(ctx, (tx) => insert(tx, id)),
    ),
  ];

  const close = async () => {
    for (const candidate of candidates) await candidate.close();
    await pgBacked.close();
    await jsBacked.close();
    await sql.end({ timeout: 1 });
    redis.disconnect();
    await app.pool.end();
  };
  return { candidates, close };
}
