import http from 'node:http';
import { fusionWebhook, silentLogger } from '@authhooks/express';
import { webhookQueue } from '@authhooks/queue';
import express from 'express';
import { Redis } from 'ioredis';
import { webhookPath } from '../lib/constants.js';
import { queueConfig } from './queue-config.js';
import { listenNode, serveChild } from './serve-child.js';

await serveChild(async (config) => {
  const { redisUrl, postgresUrl, name } = queueConfig(config);
  const queue =
    postgresUrl === undefined
      ? webhookQueue({ connection: redisUrl, name, logger: silentLogger })
      : webhookQueue({ postgres: postgresUrl, name, logger: silentLogger });
  const app = express();
  app.use(
    webhookPath,
    fusionWebhook({ authorization: config.authorization, logger: silentLogger }).enqueue(
      'user.delete.complete',
      queue,
    ),
  );
  const listening = await listenNode(http.createServer(app));
  return {
    port: listening.port,
    handled: async () => (await queue.counts()).waiting,
    async close() {
      await listening.close();
      await queue.close();
      if (postgresUrl !== undefined) return; // its own queue name: the other candidates never see its jobs
      const redis = new Redis(redisUrl);
      await redis.flushdb(); // the section's own Redis: the next candidate starts empty
      redis.disconnect();
    },
  };
});
