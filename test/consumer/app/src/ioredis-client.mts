// An app that owns one ioredis client (whatever major it installed) and gives it to both the idempotency
// store and the queue hand-off: node-http receiver, queue and worker in one process.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { nodeHandler } from '@authhooks/core/node';
import { fusionAuthEvents, fusionReceiver } from '@authhooks/fusionauth';
import { createWorker, webhookQueue } from '@authhooks/queue';
import { redisStore } from '@authhooks/redis';
import { Redis } from 'ioredis';

const redisUrl = process.env.REDIS_URL;
if (!redisUrl) throw new Error('Set REDIS_URL.');
const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });

const queue = webhookQueue({ connection: redis, name: 'consumer-ioredis' });
const receiver = fusionReceiver({ idempotency: redisStore({ client: redis }) }).enqueue(
  'user.delete.complete',
  queue,
);

const worker = createWorker(queue, { events: fusionAuthEvents }).on('user.delete.complete', (event) => {
  console.log(`worker handled ${event.id} for user ${event.user.id}`);
});
await worker.start();

const server = createServer(nodeHandler(receiver));
server.listen(0, '127.0.0.1', () => {
  console.log(`listening http://127.0.0.1:${(server.address() as AddressInfo).port}/fusionauth-webhook`);
});

// SIGTERM: the worker closes itself (its shutdownSignals), then the signal ends the process.
