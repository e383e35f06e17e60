import { randomUUID } from 'node:crypto';
import { createReceiver, silentLogger } from '@authhooks/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithRedis, type RedisServer, startRedisServer } from '../../../test/support/redis-server.js';
import { authed, eventBody, testProvider } from '../../core/test/helpers/provider.js';
import { redisStore } from '../src/index.js';
import { type Connected, clientKinds } from './clients.js';

// A Redis that stalls (paused, a long fork, a failover) holds the reserve a receiver sent; the receiver
// gives up at its store deadline and answers 503, the provider retries. When Redis resumes it runs the
// reserve anyway, and the lease it sets used to block every retry for leaseMs (60 s: FusionAuth's three
// back-to-back retries all failed). The receiver now sends a release with the attempt's token right
// after giving up, which Redis runs after the reserve on the same connection.
describeWithRedis('a reserve that lands after its attempt gave up (a stalled Redis)', () => {
  let server: RedisServer;
  const connections: Connected[] = [];
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await Promise.all(connections.map((c) => c.close()));
    await server?.stop();
  });

  // The client gives up on the reply itself (ioredis commandTimeout, as the README recommends): the
  // receiver never hears that the reserve landed. (Without it the late reply arrives and the receiver
  // releases the late lease itself.)
  for (const kind of clientKinds.filter((k) => k.library === 'ioredis')) {
    it(`${kind.name} { commandTimeout }: the retry after the stall is handled, not blocked by a stuck lease`, async () => {
      const connected = await kind.connect(server.url, { commandTimeout: 100 });
      connections.push(connected);
      let runs = 0;
      const receiver = createReceiver({
        provider: testProvider(),
        logger: silentLogger,
        timeoutMs: 1_000, // the store gets 500 ms; the client gives up at 100
        idempotency: redisStore({ client: connected.client, prefix: `stall:${randomUUID()}:` }),
      }).on('user.delete', () => {
        runs++;
      });
      // Warm up: Redis has the scripts cached, so the stalled reserve really lands when it resumes.
      await receiver.receive({
        method: 'POST',
        headers: authed,
        body: eventBody('user.delete', { id: randomUUID() }),
      });
      const body = eventBody('user.delete', { id: randomUUID() });
      server.pause();
      try {
        const stalled = await receiver.receive({ method: 'POST', headers: authed, body });
        expect([stalled.status, stalled.outcome]).toEqual([503, 'unavailable']);
        await new Promise((resolve) => setTimeout(resolve, 300)); // still stalled
      } finally {
        server.resume();
      }
      await new Promise((resolve) => setTimeout(resolve, 200)); // Redis runs what it held
      const retry = await receiver.receive({ method: 'POST', headers: authed, body });
      expect([retry.status, retry.outcome]).toEqual([200, 'handled']);
      expect(runs).toBe(2); // the warm-up and the retry
    });
  }
});
