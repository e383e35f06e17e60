import http from 'node:http';
import express from 'express';
import { webhookPath } from '../../lib/constants.js';
import { listenNode } from '../../servers/serve-child.js';
import type { WebhookBody } from '../../servers/webhook-body.js';
import { soakChild } from '../child.js';

await soakChild(async ({ authorization }, work) => {
  const app = express();
  app.post(
    webhookPath,
    (req, res, next) => {
      if (req.headers.authorization !== authorization) {
        res.status(401).json({ error: 'unauthorized' });
        return;
      }
      next();
    },
    express.json(),
    async (req, res) => {
      await work((req.body as WebhookBody).event?.user?.id);
      res.status(200).json({ ok: true });
    },
  );
  return listenNode(http.createServer(app));
});
