// An app on its own Postgres: the node-http receiver, pgStore and the transactional inbox (the user's
// row and the handled record in one transaction). Runs as ESM and as CommonJS.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { nodeHandler } from '@authhooks/core/node';
import { fusionReceiver } from '@authhooks/fusionauth';
import { pgStore } from '@authhooks/postgres/pg';
import pg from 'pg';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('Set DATABASE_URL.');
const pool = new pg.Pool({ connectionString: databaseUrl });
const store = pgStore(pool, { schema: process.env.SCHEMA ?? 'authhooks' });

const receiver = fusionReceiver({ idempotency: store }).on('user.delete', async (event, ctx) => {
  await store.transaction(ctx, async (tx) => {
    await tx.query('INSERT INTO deleted_users (id) VALUES ($1)', [event.user.id]);
  });
  console.log(`deleted ${event.user.id}`);
});

store.migrate().then(
  async () => {
    await pool.query('CREATE TABLE IF NOT EXISTS deleted_users (id text)');
    const server = createServer(nodeHandler(receiver));
    server.listen(0, '127.0.0.1', () => {
      console.log(`listening http://127.0.0.1:${(server.address() as AddressInfo).port}/fusionauth-webhook`);
    });
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
