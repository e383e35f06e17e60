import http from 'node:http';
import { fusionWebhook, silentLogger } from '@authhooks/express';
import express from 'express';
import { webhookPath } from '../../lib/constants.js';
import { listenNode } from '../../servers/serve-child.js';
import { soakChild } from '../child.js';
import { soakStore, withStore } from '../store.js';

await soakChild(async (config, work) => {
  const { options, close } = soakStore(config);
  const app = express();
  app.use(
    webhookPath,
    fusionWebhook({ authorization: config.authorization, ...options, logger: silentLogger }).on(
      'user.update',
      (event) => work(event.user.id),
    ),
  );
  return withStore(await listenNode(http.createServer(app)), close);
});
