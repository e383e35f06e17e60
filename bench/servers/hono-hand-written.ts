import { Hono } from 'hono';
import { webhookPath } from '../lib/constants.js';
import { touchUserId } from '../lib/touch.js';
import { listenFetch } from './listen-fetch.js';
import { serveChild } from './serve-child.js';
import type { WebhookBody } from './webhook-body.js';

await serveChild(({ authorization }) => {
  const app = new Hono();
  app.post(webhookPath, async (c) => {
    if (c.req.header('authorization') !== authorization) return c.json({ error: 'unauthorized' }, 401);
    const body = (await c.req.json()) as WebhookBody;
    touchUserId(body.event?.user?.id);
    return c.json({ ok: true });
  });
  return listenFetch(app.fetch);
});
