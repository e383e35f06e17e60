import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithRedis, type RedisServer, startRedisServer } from '../support/redis-server.js';
import { type Answer, deliver, expectAlive, type Instance, startInstances } from './redis-instances.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Redis dies under load: every answer is 200 (handled before the store noticed) or 503 (the provider
// retries later) and comes within a few seconds; no instance crashes; once Redis is back, the same
// instances handle and deduplicate deliveries again without a restart.
// The store refuses at once when its client knows the connection is lost; a call already in flight
// when Redis dies can wait in the client (ioredis re-sends it after reconnecting, for up to 20 attempts
// by default), so an answer within a few seconds needs the receiver to bound its store calls.
describeWithRedis('two receiver processes when their Redis goes down and comes back', () => {
  let server: RedisServer;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    server = await startRedisServer();
    // The handler keeps no count in Redis here: only the store depends on it.
    ({ a, b } = await startInstances(server.url, {
      leaseMs: 10_000,
      timeoutMs: 1_500,
      handlerMs: 20,
      countRuns: false,
    }));
  });
  afterAll(async () => {
    await Promise.all([a?.process.stop(), b?.process.stop()]);
    await server?.stop();
  });

  it('answers 200 or 503 within a few seconds while Redis is down, and handles deliveries again after it restarts', async () => {
    for (const instance of [a, b]) {
      expect(await deliver(instance, randomUUID())).toEqual({ status: 200, outcome: 'handled' });
    }

    // A steady stream of deliveries to both instances; Redis is killed in the middle of it.
    const answers: Promise<Answer>[] = [];
    const hangLimitMs = 5_000;
    for (let i = 0; i < 60; i++) {
      answers.push(deliver(i % 2 === 0 ? a : b, randomUUID(), 'user-1', hangLimitMs));
      if (i === 20) await server.stop('SIGKILL');
      await sleep(15);
    }
    const settled = await Promise.allSettled(answers);
    const hung = settled.filter((s) => s.status === 'rejected');
    expect(
      hung.map((s) => String((s as PromiseRejectedResult).reason)),
      'deliveries without an answer',
    ).toEqual([]);
    const seen = settled.map((s) => (s as PromiseFulfilledResult<Answer>).value);
    const kinds = new Set(seen.map((x) => `${x.status} ${x.outcome}`));
    expect([...kinds].filter((k) => k !== '200 handled' && k !== '503 unavailable')).toEqual([]);
    expect(kinds).toContain('503 unavailable');
    expectAlive(a, b);

    await server.restart();
    const handledAfter = new Map<Instance, string>();
    for (const instance of [a, b]) {
      const eventId = randomUUID();
      let answer: Answer = { status: 0, outcome: undefined };
      for (let attempt = 0; attempt < 100 && answer.status !== 200; attempt++) {
        answer = await deliver(instance, eventId, 'user-1', hangLimitMs);
        if (answer.status !== 200) await sleep(100);
      }
      expect(answer, instance.name).toEqual({ status: 200, outcome: 'handled' });
      handledAfter.set(instance, eventId);
    }
    for (const [instance, eventId] of handledAfter) {
      expect(await deliver(instance === a ? b : a, eventId)).toEqual({ status: 200, outcome: 'duplicate' });
    }
    expectAlive(a, b);
  });
});
