export {
  type IoredisClient,
  type NodeRedisClient,
  type RedisClient,
  RedisNotConnectedError,
} from './client.js';
export type { RedisStoreOptions } from './options.js';
export { redisStore } from './store.js';
