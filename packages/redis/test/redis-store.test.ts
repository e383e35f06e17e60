import { randomUUID } from 'node:crypto';
import { Cluster, Redis } from 'ioredis';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { describeWithRedis, type RedisServer, startRedisServer } from '../../../test/support/redis-server.js';
import { type RedisClient, RedisNotConnectedError, redisStore } from '../src/index.js';
import { reserveScript } from '../src/scripts.js';
import { type Connected, clientKinds } from './clients.js';

describe('redisStore options', () => {
  const client = new Redis({ lazyConnect: true }); // never connects: construction only

  it.each([
    [undefined, /needs a Redis client in `client`.*new Redis\(process\.env\.REDIS_URL\).*createClient/],
    [null, /needs a Redis client/],
    ['redis://127.0.0.1:6379', /not a URL: create the client from the URL yourself/],
    [new URL('redis://127.0.0.1:6379'), /not a URL/],
    [{}, /not an ioredis or node-redis \(v4 or later\) client \(got a plain object\)/],
    [new Map(), /got an instance of Map/],
    [
      { evalsha() {}, connected: true },
      /Callback-style clients \(node-redis 3 and earlier\) are not supported/,
    ],
  ])('refuses client %s with a message that says what to pass', (bad, message) => {
    expect(() => redisStore({ client: bad as unknown as RedisClient })).toThrow(message);
  });

  it.each([
    ['ttlMs', 0],
    ['ttlMs', -1],
    ['ttlMs', 1.5],
    ['ttlMs', Number.NaN],
    ['ttlMs', Number.POSITIVE_INFINITY],
    ['ttlMs', '1000'],
    ['leaseMs', 0],
    ['leaseMs', -60_000],
  ])('refuses %s %s: a positive whole number of milliseconds', (name, value) => {
    expect(() => redisStore({ client, [name]: value })).toThrow(
      new RegExp(
        `redisStore ${name} \\(.+\\) must be a positive whole number of milliseconds, got ${String(value)}`,
      ),
    );
  });

  it('refuses a prefix that is not a string, an unknown onStoreError, and no options at all', () => {
    expect(() => redisStore({ client, prefix: 5 as unknown as string })).toThrow(/prefix must be a string/);
    expect(() => redisStore({ client, onStoreError: 'retry' as 'fail' })).toThrow(
      /onStoreError must be 'fail' \(answer 503 so the provider retries\) or 'process'/,
    );
    expect(() => redisStore(undefined as never)).toThrow(
      /takes an options object: redisStore\(\{ client \}\)/,
    );
  });

  it('exposes onStoreError only when it is set, for the receiver to read', () => {
    expect(redisStore({ client, onStoreError: 'process' }).onStoreError).toBe('process');
    expect(redisStore({ client, onStoreError: 'fail' }).onStoreError).toBe('fail');
    expect('onStoreError' in redisStore({ client })).toBe(false);
  });

  it('accepts the cluster clients of both libraries', () => {
    expect(() => redisStore({ client: new Cluster([], { lazyConnect: true }) })).not.toThrow();
    expect(() => redisStore({ client: createClient() as unknown as RedisClient })).not.toThrow();
  });
});

describe('redisStore without a connection', () => {
  it('node-redis: a client that was never connected is refused at once, naming connect()', async () => {
    const store = redisStore({
      client: createClient({ url: 'redis://127.0.0.1:1' }) as unknown as RedisClient,
    });
    await expect(store.reserve('k', 't')).rejects.toThrow(RedisNotConnectedError);
    await expect(store.reserve('k', 't')).rejects.toThrow(/await client\.connect\(\)/);
  });

  it('ioredis: a client that was closed is refused at once', async () => {
    const client = new Redis({ lazyConnect: true });
    client.disconnect();
    const store = redisStore({ client });
    await expect(store.complete('k', 't')).rejects.toThrow(/the ioredis client was closed/);
  });
});

describeWithRedis('redisStore in Redis', () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(() => server?.stop());

  for (const kind of clientKinds) {
    describe(kind.name, () => {
      let redis: Connected;
      beforeAll(async () => {
        redis = await kind.connect(server.url);
      });
      afterAll(() => redis?.close());

      it('keeps a lease as `lease:<token>` under `authhooks:idem:` for leaseMs, a handled key for ttlMs', async () => {
        const store = redisStore({ client: redis.client });
        const key = `fusionauth:${randomUUID()}`;
        expect(await store.reserve(key, 'attempt-1')).toBe('reserved');
        expect(await redis.command('GET', `authhooks:idem:${key}`)).toBe('lease:attempt-1');
        expect(Number(await redis.command('PTTL', `authhooks:idem:${key}`))).toBeGreaterThan(50_000);
        expect(Number(await redis.command('PTTL', `authhooks:idem:${key}`))).toBeLessThanOrEqual(60_000);

        await store.complete(key, 'attempt-1');
        expect(await redis.command('GET', `authhooks:idem:${key}`)).toBe('handled');
        expect(Number(await redis.command('PTTL', `authhooks:idem:${key}`))).toBeGreaterThan(86_000_000);
      });

      it('uses the given prefix, ttlMs and leaseMs; release deletes the key', async () => {
        const store = redisStore({
          client: redis.client,
          prefix: 'app:hooks:',
          ttlMs: 90_000,
          leaseMs: 5_000,
        });
        const [held, done] = [randomUUID(), randomUUID()];
        await store.reserve(held, 't');
        expect(Number(await redis.command('PTTL', `app:hooks:${held}`))).toBeLessThanOrEqual(5_000);
        await store.release(held, 't');
        expect(await redis.command('EXISTS', `app:hooks:${held}`)).toBe(0);
        await store.complete(done, 't');
        const ttl = Number(await redis.command('PTTL', `app:hooks:${done}`));
        expect(ttl).toBeGreaterThan(5_000);
        expect(ttl).toBeLessThanOrEqual(90_000);
      });

      it('stores with different prefixes do not see each other', async () => {
        const [one, two] = ['a:', 'b:'].map((prefix) => redisStore({ client: redis.client, prefix }));
        const key = randomUUID();
        await one?.reserve(key, 't');
        await one?.complete(key, 't');
        expect(await two?.reserve(key, 't')).toBe('reserved');
      });

      it('loads its scripts again when Redis forgot them (SCRIPT FLUSH, a restart, a failover)', async () => {
        const store = redisStore({ client: redis.client });
        await redis.command('SCRIPT', 'FLUSH');
        expect(await redis.command('SCRIPT', 'EXISTS', reserveScript.sha)).toEqual([0]);
        expect(await store.reserve(randomUUID(), 't')).toBe('reserved');
        expect(await redis.command('SCRIPT', 'EXISTS', reserveScript.sha)).toEqual([1]);
      });
    });
  }

  it("ioredis' own keyPrefix goes in front of the store's prefix", async () => {
    const client = new Redis(server.url, { keyPrefix: 'tenant-7:' });
    try {
      const key = randomUUID();
      await redisStore({ client }).reserve(key, 't');
      expect(await client.call('EXISTS', `tenant-7:authhooks:idem:${key}`)).toBe(0); // call() adds no prefix…
      expect(await client.exists(`authhooks:idem:${key}`)).toBe(1); // …exists() does
    } finally {
      client.disconnect();
    }
  });
});

describeWithRedis('redisStore when Redis goes down and comes back', () => {
  for (const kind of clientKinds) {
    it.concurrent(`${kind.name}: refuses at once while the connection is lost, works again once Redis is back`, async () => {
      const server = await startRedisServer();
      const redis = await kind.connect(server.url);
      try {
        const store = redisStore({ client: redis.client });
        expect(await store.reserve(randomUUID(), 't')).toBe('reserved');

        await server.stop('SIGKILL');
        // Once the client has noticed the lost connection, every call fails at once with a clear error
        // instead of waiting in the client's offline queue (ioredis: ~10 s by default; node-redis: forever).
        await vi.waitFor(() => expect(redis.ready()).toBe(false), { timeout: 5_000, interval: 20 });
        await expect(store.reserve(randomUUID(), 't')).rejects.toThrow(RedisNotConnectedError);
        await expect(store.complete('k', 't')).rejects.toThrow(/Redis is not connected/);
        await expect(store.release('k', 't')).rejects.toThrow(/Redis is not connected/);

        await server.restart();
        await vi.waitFor(async () => expect(await store.reserve(randomUUID(), 't')).toBe('reserved'), {
          timeout: 10_000,
          interval: 100,
        });
      } finally {
        await redis.close();
        await server.stop();
      }
    });
  }
});

describeWithRedis('redisStore with the client settings the README recommends', () => {
  const failFast = {
    ioredis: { maxRetriesPerRequest: 1 },
    'node-redis': { disableOfflineQueue: true },
  } as const;
  const hangLimitMs = 5_000;

  for (const kind of clientKinds) {
    const settings = failFast[kind.library];
    it.concurrent(`${kind.name} ${JSON.stringify(settings)}: a call in flight when Redis dies fails within seconds`, async () => {
      const server = await startRedisServer();
      const redis = await kind.connect(server.url, settings);
      try {
        const store = redisStore({ client: redis.client });
        server.pause(); // the command is sent, no answer comes…
        const settled = store.reserve(randomUUID(), 't').then(
          () => 'answered',
          () => 'rejected',
        );
        await new Promise((resolve) => setTimeout(resolve, 100));
        await server.stop('SIGKILL'); // …and then the connection dies
        const outcome = await Promise.race([
          settled,
          new Promise((resolve) => setTimeout(resolve, hangLimitMs, 'still waiting')),
        ]);
        expect(outcome).toBe('rejected');
      } finally {
        await redis.close();
        await server.stop();
      }
    });
  }
});
