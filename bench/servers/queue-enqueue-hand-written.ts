import http from 'node:http';
import { Queue } from 'bullmq';
import express from 'express';
import { Redis } from 'ioredis';
import { webhookPath } from '../lib/constants.js';
import { queueConfig } from './queue-config.js';
import { listenNode, serveChild } from './serve-child.js';

interface Delivery {
  readonly event?: { readonly id?: unknown; readonly type?: unknown };
}

await serveChild(async (config) => {
  const { redisUrl, name } = queueConfig(config);
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  const queue = new Queue(name, {
    connection,
    defaultJobOptions: { removeOnComplete: { age: 86_400 }, removeOnFail: false },
  });
  const app = express();
  app.post(
    webhookPath,
    (req, res, next) => {
      if (req.headers.authorization !== config.authorization) {
        res.status(401).json({ error: 'unauthorized' });
        return;
      }
      next();
    },
    express.json(),
    async (req, res) => {
      const event = (req.body as Delivery).event;
      if (typeof event?.id !== 'string' || typeof event.type !== 'string') {
        res.status(400).json({ error: 'no event id or type' });
        return;
      }
      try {
        // One job per event id, so a retried delivery adds nothing.
        await queue.add(event.type, event, { jobId: event.id });
      } catch {
        res.status(503).json({ error: 'queue unavailable' });
        return;
      }
      res.status(202).json({ ok: true });
    },
  );
  const listening = await listenNode(http.createServer(app));
  return {
    port: listening.port,
    handled: () => queue.getWaitingCount(),
    async close() {
      await listening.close();
      await connection.flushdb(); // the section's own Redis
      await queue.close();
      connection.disconnect();
    },
  };
});
