import { webhookQueue } from '@authhooks/queue';

const queue = webhookQueue({ connection: 'redis://127.0.0.1:6379' });
// #region readme
const letters = await queue.failed(); // newest first: [{ id, provider, eventId, eventType, error, attempts, failedAt, receivedAt }]
await queue.retry('fusionauth.7a3d6e1c-…'); // or 'fusionauth:<event id>': back to the queue, fresh attempts
await queue.retryAll(); // every dead letter; resolves with how many
// #endregion readme
console.log(letters.length);
