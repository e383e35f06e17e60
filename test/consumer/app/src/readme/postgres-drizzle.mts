// #region readme
import { fusionWebhook } from '@authhooks/express';
import { pgStore } from '@authhooks/postgres/pg';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { pgTable, text } from 'drizzle-orm/pg-core';
import pg from 'pg';

const users = pgTable('users', { id: text('id').primaryKey(), email: text('email') });

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
const store = pgStore(pool);

export const webhook = fusionWebhook({ idempotency: store }).on('user.update', async (event, ctx) => {
  await store.transaction(ctx, async (tx) => {
    const db = drizzle({ client: tx }); // Drizzle on the transaction's connection: no db.transaction() inside
    await db
      .update(users)
      .set({ email: event.user.email ?? null })
      .where(eq(users.id, event.user.id));
  });
});
// #endregion readme
