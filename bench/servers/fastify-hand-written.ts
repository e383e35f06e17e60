import Fastify from 'fastify';
import { webhookPath } from '../lib/constants.js';
import { touchUserId } from '../lib/touch.js';
import { listenFastify } from './listen-fastify.js';
import { serveChild } from './serve-child.js';
import type { WebhookBody } from './webhook-body.js';

await serveChild(async ({ authorization }) => {
  const app = Fastify({ logger: false });
  app.post(webhookPath, {
    // The header check runs before Fastify's own JSON parser reads the body.
    onRequest: async (request, reply) => {
      if (request.headers.authorization !== authorization)
        return reply.code(401).send({ error: 'unauthorized' });
    },
    handler: async (request) => {
      touchUserId((request.body as WebhookBody).event?.user?.id);
      return { ok: true };
    },
  });
  return listenFastify(app);
});
