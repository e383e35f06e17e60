import { fusionWebhook, type Logger, memoryStore } from '@authhooks/express';
import express from 'express';
import { TodoStore } from './todos.js';

export interface AppOptions {
  /** The Authorization header value set on the webhook's Headers tab in FusionAuth. */
  readonly authorization: string;
  readonly blockedDomains?: readonly string[];
  readonly logger?: Logger;
}

export function createApp({ authorization, blockedDomains = ['blocked.example'], logger }: AppOptions) {
  const todos = new TodoStore();
  const webhook = fusionWebhook({ authorization, idempotency: memoryStore(), ...(logger && { logger }) })
    .on('user.delete', async (event, ctx) => {
      const removed = await todos.deleteAllForUser(event.user.id, { signal: ctx.signal });
      ctx.log.info({ removed }, 'deleted the todos of a deleted user');
    })
    .on('user.registration.create', (event, ctx) => {
      const domain = event.user?.email?.split('@')[1];
      if (domain && blockedDomains.includes(domain)) {
        ctx.reject('registration not allowed for this domain'); // FusionAuth rolls the registration back
      }
    })
    .on('user.update', async (_event, ctx) => {
      // A slow dependency: past the deadline the answer is 504 and FusionAuth rolls back.
      await waitOrAbort(5_000, ctx.signal);
    });

  const app = express();
  app.use('/fusionauth-webhook', webhook);
  app.use(express.json());
  app.get('/users/:id/todos', (req, res) => {
    res.json({ count: todos.count(req.params.id) });
  });
  return { app, todos, webhook };
}

function waitOrAbort(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}
