import { fusionWebhook, silentLogger } from '@authhooks/hono';
import { Hono } from 'hono';
import { webhookPath } from '../lib/constants.js';
import { touchUserId } from '../lib/touch.js';
import { listenFetch } from './listen-fetch.js';
import { serveChild } from './serve-child.js';

await serveChild(({ authorization }) => {
  const app = new Hono();
  app.post(
    webhookPath,
    fusionWebhook({ authorization, logger: silentLogger }).on('user.update', (event) =>
      touchUserId(event.user.id),
    ),
  );
  return listenFetch(app.fetch);
});
