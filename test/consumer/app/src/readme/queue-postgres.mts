import { fusionWebhook } from '@authhooks/express';
import { fusionAuthEvents } from '@authhooks/fusionauth';
import { createWorker, webhookQueue } from '@authhooks/queue';
import { forget } from './app-code.mjs';

const webhook = fusionWebhook();
// #region readme
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
const queue = webhookQueue({ postgres: pool }); // or the URL, or { connectionString, schema }
await queue.migrate(); // BullMQ's tables, once per deploy (or: npx authhooks postgres migrate --queue)

webhook.enqueue('user.delete.complete', queue);
await createWorker(queue, { events: fusionAuthEvents })
  .on('user.delete.complete', (event) => forget(event.user.id))
  .start();
// #endregion readme
