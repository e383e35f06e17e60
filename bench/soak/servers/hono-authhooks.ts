import { fusionWebhook, silentLogger } from '@authhooks/hono';
import { Hono } from 'hono';
import { webhookPath } from '../../lib/constants.js';
import { listenFetch } from '../../servers/listen-fetch.js';
import { soakChild } from '../child.js';
import { soakStore, withStore } from '../store.js';

await soakChild(async (config, work) => {
  const { options, close } = soakStore(config);
  const app = new Hono();
  app.post(
    webhookPath,
    fusionWebhook({ authorization: config.authorization, ...options, logger: silentLogger }).on(
      'user.update',
      (event) => work(event.user.id),
    ),
  );
  return withStore(await listenFetch(app.fetch), close);
});
