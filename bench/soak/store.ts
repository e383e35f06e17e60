import { type IdempotencyStore, memoryStore } from '@authhooks/core';
import { redisStore } from '@authhooks/redis';
import { Redis } from 'ioredis';
import type { Listening } from '../servers/serve-child.js';
import type { SoakConfig } from './child.js';

/** The receiver options that give an authhooks soak candidate its store, and how to let go of it. */
export function soakStore(config: SoakConfig): {
  options: { idempotency?: IdempotencyStore };
  close(): Promise<void>;
} {
  if (config.store === undefined) return { options: {}, close: async () => {} };
  if (config.store === 'memory') return { options: { idempotency: memoryStore() }, close: async () => {} };
  if (config.store === 'redis' && config.redisUrl !== undefined) {
    const client = new Redis(config.redisUrl);
    return {
      options: { idempotency: redisStore({ client }) },
      close: async () => {
        await client.quit();
      },
    };
  }
  throw new Error(`soak: a redisStore candidate needs the section's redis-server URL`);
}

/** The server, closing the store after it. */
export function withStore(listening: Listening, closeStore: () => Promise<void>): Listening {
  return {
    ...listening,
    async close() {
      await listening.close();
      await closeStore();
    },
  };
}
