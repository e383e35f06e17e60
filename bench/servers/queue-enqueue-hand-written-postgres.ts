import http from 'node:http';
import { createPostgresBackend, withBackend } from 'bullmq';
import express from 'express';
import { webhookPath } from '../lib/constants.js';
import { queueConfig } from './queue-config.js';
import { listenNode, serveChild } from './serve-child.js';

interface Delivery {
  readonly event?: { readonly id?: unknown; readonly type?: unknown };
}

// The hand-written route of queue-enqueue-hand-written.ts with BullMQ on its PostgreSQL backend.
const { Queue } = withBackend(createPostgresBackend);

await serveChild(async (config) => {
  const { postgresUrl, name } = queueConfig(config);
  if (postgresUrl === undefined) throw new Error('this candidate needs config.queue.postgresUrl');
  const queue = new Queue(name, {
    connection: postgresUrl,
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
      await queue.close();
    },
  };
});
