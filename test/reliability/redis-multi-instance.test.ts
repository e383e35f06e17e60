import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithRedis, type RedisServer, startRedisServer } from '../support/redis-server.js';
import { type Answer, deliver, expectAlive, type Instance, startInstances } from './redis-instances.js';

// Two receivers in separate processes behind a (simulated) load balancer share one Redis: an event is
// handled exactly once wherever its deliveries land; a failure or a crash on one instance lets a retry
// on the other run it.
describeWithRedis('two receiver processes sharing one Redis', () => {
  const leaseMs = 2_500;
  let server: RedisServer;
  let redis: Redis;
  let a: Instance;
  let b: Instance;
  let prefix: string;

  beforeAll(async () => {
    server = await startRedisServer();
    redis = new Redis(server.url);
    ({ a, b, prefix } = await startInstances(server.url, { leaseMs, timeoutMs: 2_000, handlerMs: 30 }));
  });
  afterAll(async () => {
    await Promise.all([a?.process.stop(), b?.process.stop()]);
    redis?.disconnect();
    await server?.stop();
  });

  const runs = async (eventId: string) => ({
    started: Number(await redis.get(`${prefix}runs:${eventId}`)),
    finished: Number(await redis.get(`${prefix}done:${eventId}`)),
  });

  it('200 concurrent deliveries of 20 events spread over both: each handler runs exactly once, every copy answers 200', async () => {
    const events = Array.from({ length: 20 }, () => randomUUID());
    const deliveries = Array.from({ length: 200 }, (_, i) => ({
      eventId: events[i % 20] as string,
      // Each event's 10 copies alternate instances; half the events start on each.
      instance: (Math.floor(i / 20) + i) % 2 === 0 ? a : b,
    }));
    const answers = await Promise.all(
      deliveries.map(async (d) => ({ ...d, answer: await deliver(d.instance, d.eventId) })),
    );

    const seen = new Set(answers.map(({ answer }) => `${answer.status} ${answer.outcome}`));
    // Copies wait for the attempt in progress (a 409 would be a failed vote for a transactional event).
    expect([...seen].filter((s) => !['200 handled', '200 duplicate'].includes(s))).toEqual([]);
    for (const eventId of events) {
      const outcomes = answers.filter((x) => x.eventId === eventId).map((x) => x.answer.outcome);
      expect(
        outcomes.filter((o) => o === 'handled'),
        `event ${eventId}`,
      ).toHaveLength(1);
      expect(await runs(eventId)).toEqual({ started: 1, finished: 1 });
    }

    // Any later copy is a duplicate, on either instance.
    for (const eventId of events) {
      expect(await deliver(a, eventId)).toEqual({ status: 200, outcome: 'duplicate' });
      expect(await deliver(b, eventId)).toEqual({ status: 200, outcome: 'duplicate' });
    }
    expectAlive(a, b);
  });

  it('a handler that fails on one instance (500) runs again when the retry lands on the other', async () => {
    const eventId = randomUUID();
    expect(await deliver(a, eventId, 'fail-first')).toEqual({ status: 500, outcome: 'handler_error' });
    expect(await deliver(b, eventId, 'fail-first')).toEqual({ status: 200, outcome: 'handled' });
    expect(await deliver(a, eventId, 'fail-first')).toEqual({ status: 200, outcome: 'duplicate' });
    expect(await runs(eventId)).toEqual({ started: 2, finished: 1 });
  });

  it('an instance killed while its handler runs: retries get 409 until the lease expires, then the other instance runs it', async () => {
    const eventId = randomUUID();
    const lost = deliver(a, eventId, 'hang-first').catch((error: unknown) => error);
    await a.process.next((m) => m.running === eventId);
    await a.process.stop('SIGKILL');
    expect(await lost).toBeInstanceOf(Error); // the connection died with the instance

    expect(await deliver(b, eventId, 'hang-first')).toEqual({ status: 409, outcome: 'in_progress' });
    const retried: Answer[] = [];
    for (let attempt = 0; attempt < 100; attempt++) {
      const answer = await deliver(b, eventId, 'hang-first');
      retried.push(answer);
      if (answer.status !== 409) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(retried.at(-1)).toEqual({ status: 200, outcome: 'handled' });
    expect(retried.slice(0, -1).every((x) => x.status === 409 && x.outcome === 'in_progress')).toBe(true);
    expect(await runs(eventId)).toEqual({ started: 2, finished: 1 });
    expect(await deliver(b, eventId, 'hang-first')).toEqual({ status: 200, outcome: 'duplicate' });
    expectAlive(b);
  });
});
