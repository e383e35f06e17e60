import { type IdempotencyStore, memoryStore } from '@authhooks/core';
import { redisStore } from '@authhooks/redis';
import { Redis } from 'ioredis';
import type { Listening } from '../servers/serve-child.js';
import type { SoakConfig } from './child.js';

/** The idempotency store an authhooks soak candidate runs with, and how to let go of it. */
export function soakStore(config: SoakConfig): { store: IdempotencyStore; close(): Promise<void> } {
  if (config.store === 'memory') return { store: memoryStore(), close: async () => {} };
  if (config.store === 'redis' && config.redisUrl !== undefined) {
    const client = new Redis(config.redisUrl);
    return {
      store: redisStore({ client }),
      close: async () => {
        await client.quit();
      },
    };
  }
  throw new Error(
    `soak: an authhooks candidate needs a store (memory, or redis with a URL), got ${config.store}`,
  );
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
