import { fusionWebhook } from '@authhooks/express';
import { fusionAuthEvents } from '@authhooks/fusionauth';
import { createWorker, webhookQueue } from '@authhooks/queue';
import { forget } from './app-code.mjs';

const webhook = fusionWebhook();
// #region readme
// receiver (any adapter, or fusionReceiver): 202 once Redis has the job, 503 if it cannot take it
const queue = webhookQueue({ connection: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' });
webhook.enqueue(['user.delete.complete', 'user.registration.create.complete'], queue, { delayMs: 5000 });

// worker (another process, or as many as you like): the same typed handlers as a receiver
await createWorker(queue, { events: fusionAuthEvents })
  .on('user.delete.complete', (event) => forget(event.user.id))
  .start();
// #endregion readme
