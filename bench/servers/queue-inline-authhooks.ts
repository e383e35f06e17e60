import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { fusionWebhook, silentLogger } from '@authhooks/express';
import express from 'express';
import { webhookPath } from '../lib/constants.js';
import { touchUserId } from '../lib/touch.js';
import { queueConfig } from './queue-config.js';
import { listenNode, serveChild } from './serve-child.js';

await serveChild((config) => {
  const { handlerDelayMs = 0 } = queueConfig(config);
  const app = express();
  app.use(
    webhookPath,
    fusionWebhook({ authorization: config.authorization, logger: silentLogger }).on(
      'user.delete.complete',
      async (event) => {
        if (handlerDelayMs > 0) await sleep(handlerDelayMs); // one database or API call
        touchUserId(event.user.id);
      },
    ),
  );
  return listenNode(http.createServer(app));
});
