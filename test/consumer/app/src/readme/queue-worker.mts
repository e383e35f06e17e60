import { fusionAuthEvents } from '@authhooks/fusionauth';
import { createWorker, webhookQueue } from '@authhooks/queue';
import { metrics, todos } from './app-code.mjs';

const queue = webhookQueue({ connection: 'redis://127.0.0.1:6379' });
// #region readme
const worker = createWorker(queue, {
  events: fusionAuthEvents, // types the handlers, re-validates jobs
  concurrency: 4, // jobs at once in this process (default 1)
  attempts: 5, // runs before the dead-letter set (default 5)
  backoff: { delayMs: 1000 }, // exponential: 1, 2, 4, 8 s … (or { type: 'fixed' }, or (attempt, error) => ms)
  timeoutMs: 30_000, // per attempt; ctx.signal is aborted (default 30 000; false for none)
});
worker
  .on('user.delete.complete', async (event, ctx) => {
    await todos.deleteAllForUser(event.user.id, { signal: ctx.signal }); // event: UserDeleteCompleteEvent
  })
  .onError(({ eventType, attempt, willRetry }) => metrics.failed(eventType, attempt, willRetry));
await worker.start();
// #endregion readme
