// #region readme
import { fusionWebhook } from '@authhooks/express';
import { redisStore } from '@authhooks/redis';
import { Redis } from 'ioredis';

// maxRetriesPerRequest: 1 makes a call fail within seconds when Redis is gone, instead of waiting.
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });

export const webhook = fusionWebhook({ idempotency: redisStore({ client: redis }) });
// #endregion readme
