import { fusionWebhook, silentLogger } from '@authhooks/fastify';
import Fastify from 'fastify';
import { webhookPath } from '../../lib/constants.js';
import { listenFastify } from '../../servers/listen-fastify.js';
import { soakChild } from '../child.js';
import { soakStore, withStore } from '../store.js';

await soakChild(async (config, work) => {
  const { options, close } = soakStore(config);
  const app = Fastify({ logger: false });
  await app.register(
    fusionWebhook({
      authorization: config.authorization,
      ...options,
      logger: silentLogger,
      path: webhookPath,
    }).on('user.update', (event) => work(event.user.id)),
  );
  return withStore(await listenFastify(app), close);
});
