// The receiver: verifies and validates each FusionAuth delivery, hands it to the queue, and answers
// 202 once Redis has the job. Nothing slow runs while FusionAuth waits.
import type { AddressInfo } from 'node:net';
import { fusionWebhook } from '@authhooks/express';
import { webhookQueue } from '@authhooks/queue';
import express from 'express';
import { queueName, redisUrl, webhookAuthorization } from './settings.js';
import { TodoStore } from './todos.js';

const queue = webhookQueue({ connection: redisUrl, name: queueName });
const todos = new TodoStore(redisUrl);

// `*.complete` events can reach the webhook before FusionAuth committed the change (FusionAuth issue
// #2233): the jobs wait DELAY_MS (default 5 s) before a worker takes them.
const delayMs = Number(process.env.DELAY_MS ?? 5_000);

const webhook = fusionWebhook({ authorization: webhookAuthorization() }).enqueue(
  ['user.delete.complete', 'user.registration.create.complete'],
  queue,
  { delayMs },
);

const app = express();
app.use('/fusionauth-webhook', webhook);
app.get('/users/:id/todos', async (req, res) => {
  res.json({ todos: await todos.list(req.params.id) });
});

const server = app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(`listening on http://127.0.0.1:${port}/fusionauth-webhook (jobs wait ${delayMs} ms)`);
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.close();
    todos.close();
    queue.close().finally(() => process.exit(0));
  });
}
