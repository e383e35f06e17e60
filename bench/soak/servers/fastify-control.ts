import Fastify from 'fastify';
import { webhookPath } from '../../lib/constants.js';
import { listenFastify } from '../../servers/listen-fastify.js';
import type { WebhookBody } from '../../servers/webhook-body.js';
import { soakChild } from '../child.js';

await soakChild(async ({ authorization }, work) => {
  const app = Fastify({ logger: false });
  app.post(webhookPath, {
    onRequest: async (request, reply) => {
      if (request.headers.authorization !== authorization)
        return reply.code(401).send({ error: 'unauthorized' });
    },
    handler: async (request) => {
      await work((request.body as WebhookBody).event?.user?.id);
      return { ok: true };
    },
  });
  return listenFastify(app);
});
