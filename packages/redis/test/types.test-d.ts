import type { IdempotencyStore, PendingStore } from '@authhooks/core';
import { Cluster, Redis } from 'ioredis';
import { Redis as Redis5 } from 'ioredis5';
import { createClient, createCluster } from 'redis';
import { createClient as createClient4 } from 'redis4';
import { expectTypeOf, test } from 'vitest';
import { redisStore } from '../src/index.js';

test('accepts the clients of both libraries as their own types declare them', () => {
  expectTypeOf(redisStore({ client: new Redis() })).toEqualTypeOf<IdempotencyStore & PendingStore>();
  redisStore({ client: new Redis5() });
  redisStore({ client: new Cluster([]) });
  redisStore({ client: createClient() });
  redisStore({ client: createClient({ RESP: 3 }) });
  redisStore({ client: createCluster({ rootNodes: [] }) });
  redisStore({ client: createClient4() });
});

test('options', () => {
  redisStore({ client: new Redis(), prefix: 'app:', ttlMs: 1, leaseMs: 1, onStoreError: 'process' });
  // @ts-expect-error a URL is not a client
  redisStore({ client: 'redis://127.0.0.1:6379' });
  // @ts-expect-error not a client of either library
  redisStore({ client: { isOpen: true } });
  // @ts-expect-error the client is required
  redisStore({});
  // @ts-expect-error 'fail' or 'process'
  redisStore({ client: new Redis(), onStoreError: 'retry' });
});
