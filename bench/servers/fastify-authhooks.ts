import { fusionWebhook, silentLogger } from '@authhooks/fastify';
import Fastify from 'fastify';
import { webhookPath } from '../lib/constants.js';
import { touchUserId } from '../lib/touch.js';
import { listenFastify } from './listen-fastify.js';
import { serveChild } from './serve-child.js';

await serveChild(async ({ authorization }) => {
  const app = Fastify({ logger: false });
  await app.register(
    fusionWebhook({ authorization, logger: silentLogger, path: webhookPath }).on('user.update', (event) =>
      touchUserId(event.user.id),
    ),
  );
  return listenFastify(app);
});
