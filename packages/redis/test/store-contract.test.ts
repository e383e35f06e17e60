import { randomUUID } from 'node:crypto';
import { memoryStore } from '@authhooks/core';
import { afterAll, beforeAll, describe } from 'vitest';
import { pendingContract } from '../../../test/support/pending-contract.js';
import { describeWithRedis, type RedisServer, startRedisServer } from '../../../test/support/redis-server.js';
import { type StoreFactory, settledContract, storeContract } from '../../../test/support/store-contract.js';
import { redisStore } from '../src/index.js';
import { type Connected, clientKinds } from './clients.js';

describe('memoryStore', () => {
  storeContract(() => ({ sharesState: false, open: (options) => memoryStore(options) }));
  settledContract(() => ({ sharesState: false, open: (options) => memoryStore(options) }));
  describe('pending operations', () => {
    const shared = memoryStore();
    pendingContract(() => ({ open: () => shared }));
  });
});

describeWithRedis('redisStore', () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(() => server?.stop());

  for (const kind of clientKinds) {
    describe(kind.name, () => {
      // Several connections, so concurrent calls really race inside Redis rather than in one socket.
      const connections: Connected[] = [];
      const prefix = `contract:${randomUUID()}:`;
      let next = 0;
      const factory: StoreFactory = {
        sharesState: true,
        open: (options) => {
          const connection = connections[next++ % connections.length] as Connected;
          return redisStore({ client: connection.client, prefix, ...options });
        },
      };
      beforeAll(async () => {
        for (let i = 0; i < 4; i++) connections.push(await kind.connect(server.url));
      });
      afterAll(async () => {
        await Promise.all(connections.map((c) => c.close()));
      });
      storeContract(() => factory);
      settledContract(() => factory);
      describe('pending operations', () => {
        pendingContract(() => ({ open: () => factory.open() as ReturnType<typeof redisStore> }));
      });
    });
  }
});
