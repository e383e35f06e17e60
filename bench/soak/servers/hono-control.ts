import { Hono } from 'hono';
import { webhookPath } from '../../lib/constants.js';
import { listenFetch } from '../../servers/listen-fetch.js';
import type { WebhookBody } from '../../servers/webhook-body.js';
import { soakChild } from '../child.js';

await soakChild(async ({ authorization }, work) => {
  const app = new Hono();
  app.post(webhookPath, async (c) => {
    if (c.req.header('authorization') !== authorization) return c.json({ error: 'unauthorized' }, 401);
    const body = (await c.req.json()) as WebhookBody;
    await work(body.event?.user?.id);
    return c.json({ ok: true });
  });
  return listenFetch(app.fetch);
});
