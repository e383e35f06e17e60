// #region readme
import { redisStore } from '@authhooks/redis';
import { createClient } from 'redis';

const client = createClient({
  url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  disableOfflineQueue: true,
});
client.on('error', (error: unknown) => console.warn('redis:', error)); // without a listener, an error ends the process
await client.connect();

export const idempotency = redisStore({ client });
// #endregion readme
