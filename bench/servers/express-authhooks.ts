import http from 'node:http';
import { fusionWebhook, silentLogger } from '@authhooks/express';
import express from 'express';
import { webhookPath } from '../lib/constants.js';
import { touchUserId } from '../lib/touch.js';
import { listenNode, serveChild } from './serve-child.js';

await serveChild(({ authorization }) => {
  const app = express();
  const webhook = fusionWebhook({ authorization, logger: silentLogger }).on('user.update', (event) =>
    touchUserId(event.user.id),
  );
  app.use(webhookPath, webhook);
  return listenNode(http.createServer(app));
});
