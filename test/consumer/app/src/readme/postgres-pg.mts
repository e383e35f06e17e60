// #region readme
import { fusionWebhook } from '@authhooks/express';
import { pgStore } from '@authhooks/postgres/pg';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
const store = pgStore(pool); // run `npx authhooks postgres migrate` once per deploy (or await store.migrate())

export const webhook = fusionWebhook({ idempotency: store }).on('user.delete', async (event, ctx) => {
  // The deletes and the record that this event was handled commit together, or neither does.
  await store.transaction(ctx, async (tx) => {
    await tx.query('DELETE FROM todos WHERE user_id = $1', [event.user.id]);
    await tx.query('DELETE FROM users WHERE id = $1', [event.user.id]);
  });
});
// #endregion readme
