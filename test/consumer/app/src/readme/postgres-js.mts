// #region readme
import { fusionWebhook } from '@authhooks/express';
import { postgresJsStore } from '@authhooks/postgres/postgres-js';
import postgres from 'postgres';

const sql = postgres(process.env.DATABASE_URL ?? 'postgres://127.0.0.1/app');
const store = postgresJsStore(sql);

export const webhook = fusionWebhook({ idempotency: store }).on(
  'user.registration.create',
  async (event, ctx) => {
    await store.transaction(ctx, async (tx) => {
      await tx`INSERT INTO members (user_id, app_id) VALUES (${event.user.id}, ${event.registration.applicationId})`;
    });
  },
);
// #endregion readme
