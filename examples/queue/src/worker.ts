// The worker: runs the handlers for the queued events, with retries (exponential backoff) and a
// dead-letter set (`npx authhooks queue failed`). SIGTERM/SIGINT let the running job finish first.
import { fusionAuthEvents } from '@authhooks/fusionauth';
import { createWorker, webhookQueue } from '@authhooks/queue';
import { queueName, redisUrl } from './settings.js';
import { TodoStore } from './todos.js';

const queue = webhookQueue({ connection: redisUrl, name: queueName });
const todos = new TodoStore(redisUrl);

await createWorker(queue, { events: fusionAuthEvents })
  .on('user.registration.create.complete', async (event, ctx) => {
    await todos.add(event.user.id, 'welcome', 'Read the getting-started guide');
    ctx.log.info({ userId: event.user.id }, 'added the welcome todo of a new user');
  })
  .on('user.delete.complete', async (event, ctx) => {
    const removed = await todos.deleteAll(event.user.id);
    ctx.log.info({ userId: event.user.id, removed }, 'deleted the todos of a deleted user');
  })
  .start();

console.log(`worker ready: queue ${queue.name}`);
