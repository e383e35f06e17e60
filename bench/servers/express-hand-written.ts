import http from 'node:http';
import express from 'express';
import { webhookPath } from '../lib/constants.js';
import { touchUserId } from '../lib/touch.js';
import { listenNode, serveChild } from './serve-child.js';
import type { WebhookBody } from './webhook-body.js';

await serveChild(({ authorization }) => {
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
    (req, res) => {
      touchUserId((req.body as WebhookBody).event?.user?.id);
      res.status(200).json({ ok: true });
    },
  );
  return listenNode(http.createServer(app));
});
