import { randomUUID } from 'node:crypto';
import { silentLogger } from '@authhooks/core';
import { Redis } from 'ioredis';
import { Redis as Redis5 } from 'ioredis5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeWithPostgres, startPostgresServer } from '../../../test/support/postgres-server.js';
import { describeWithRedis, type RedisServer, startRedisServer } from '../../../test/support/redis-server.js';
import { type WebhookQueue, webhookQueue } from '../src/index.js';
import { backends, deliver, enqueueingReceiver, newQueue, sample, sleep } from './helpers.js';

describe('webhookQueue options', () => {
  it.each([
    [undefined, /needs a connection: a Redis URL/],
    ['localhost:6379', /"localhost:6379" is not a Redis URL/],
    ['https://user:secret@example.com', /"https:\/\/\*\*\*@example.com" is not a Redis URL/],
    [{ sendCommand() {}, isReady: true }, /looks like a node-redis client/],
    [{ host: '127.0.0.1', keyPrefix: 'app:' }, /keyPrefix "app:".*use webhookQueue\(\{ prefix \}\)/],
  ])('refuses connection %o, saying what to give', (connection, message) => {
    expect(() => webhookQueue({ connection: connection as never })).toThrow(message);
  });

  it('refuses a name with ":" and an empty prefix', () => {
    expect(() => webhookQueue({ connection: 'redis://127.0.0.1:1', name: 'a:b' })).toThrow(
      /queue name must be a non-empty string without ":", got "a:b"/,
    );
    expect(() => webhookQueue({ connection: 'redis://127.0.0.1:1', prefix: '' })).toThrow(
      /prefix must be a non-empty string/,
    );
    expect(() => webhookQueue(undefined as never)).toThrow(/webhookQueue\(\{ connection \}\)/);
  });

  it('takes PostgreSQL instead of Redis, never both, and says what a PostgreSQL connection is', () => {
    expect(() =>
      webhookQueue({ postgres: 'postgres://127.0.0.1:1/x', connection: 'redis://127.0.0.1:1' } as never),
    ).toThrow(
      'give webhookQueue either postgres (the jobs in PostgreSQL) or connection (in Redis), not both',
    );
    expect(() => webhookQueue({ postgres: 'mysql://u:secret@db/x' })).toThrow(
      '"mysql://***@db/x" is not a PostgreSQL URL; give postgres://user@host:port/db',
    );
    expect(() => webhookQueue({ postgres: 42 as never })).toThrow(/postgres must be a PostgreSQL URL/);
    const queue = webhookQueue({
      postgres: 'postgres://app:secret@db.internal:5433/app',
      logger: silentLogger,
    });
    expect([queue.backend, queue.prefix]).toEqual(['postgres', '']);
    void queue.close();
  });
});

for (const backend of backends) {
  backend.describe(`webhookQueue ${backend.title}`, () => {
    let server: { url: string; stop(): Promise<void> };
    let queue: WebhookQueue;
    beforeAll(async () => {
      server = await backend.start();
      queue = newQueue(server.url);
    });
    afterAll(async () => {
      await queue?.close();
      await server?.stop();
    });

    it('adds a delivery as job <provider>.<event id> holding the validated event, and answers 202', async () => {
      const receiver = enqueueingReceiver(queue);
      const event = sample('user.delete.complete', { user: { email: 'gone@example.com' } });
      (event.user as unknown as Record<string, unknown>).birthDate = 42; // fails its schema: left out, reported
      expect(await deliver(receiver, event)).toEqual({ status: 202, outcome: 'queued' });

      const job = await queue.bullmq.getJob(`fusionauth.${event.id}`);
      expect(job?.name).toBe('user.delete.complete');
      expect(await job?.getState()).toBe('waiting');
      expect(job?.data).toMatchObject({
        provider: 'fusionauth',
        id: event.id,
        type: 'user.delete.complete',
        event: { id: event.id, user: { id: event.user.id, email: 'gone@example.com' } },
        rawEvent: { user: { birthDate: 42 } },
        schemaIssues: [{ path: ['user', 'birthDate'] }],
      });
      expect(job?.data.event.user).not.toHaveProperty('birthDate');
    });

    it('keeps one job for a delivery repeated, also when the copies arrive together', async () => {
      const receiver = enqueueingReceiver(queue);
      const event = sample('user.create.complete');
      const answers = await Promise.all(Array.from({ length: 5 }, () => deliver(receiver, event)));
      expect(answers.every((answer) => answer.status === 202)).toBe(true);
      expect(await deliver(receiver, event)).toEqual({ status: 202, outcome: 'queued' });
      const jobs = await queue.bullmq.getJobs(['waiting', 'delayed', 'active', 'completed']);
      expect(jobs.filter((job) => job.data.id === event.id)).toHaveLength(1);
    });

    it('holds a job back for delayMs (delayed state), then releases it', async () => {
      const delayed = newQueue(server.url);
      try {
        const event = sample('user.delete.complete');
        expect(await deliver(enqueueingReceiver(delayed, ['user.delete.complete'], 600), event)).toEqual({
          status: 202,
          outcome: 'queued',
        });
        const job = await delayed.bullmq.getJob(`fusionauth.${event.id}`);
        expect(await job?.getState()).toBe('delayed');
        expect(job?.opts.delay).toBe(600);
        expect(await delayed.counts()).toMatchObject({ delayed: 1, waiting: 0 });
      } finally {
        await delayed.close();
      }
    });

    // The app's own client, of either major: the queue takes ioredis as a peer, so in an app its types are
    // the app's (here the workspace's ioredis 6 types, hence the cast for the 5 client).
    it.runIf(backend.kind === 'redis').each([
      ['6', (url: string) => new Redis(url, { lazyConnect: true })],
      ['5', (url: string) => new Redis5(url, { lazyConnect: true }) as unknown as Redis],
    ])(
      'copies the settings of an ioredis %s client it is given, and leaves that client alone',
      async (major, make) => {
        const yours = make(server.url);
        expect([yours instanceof Redis5, yours instanceof Redis]).toEqual([major === '5', major === '6']);
        const fromClient = webhookQueue({
          connection: yours,
          name: `test-${randomUUID()}`,
          logger: silentLogger,
        });
        try {
          const event = sample('user.create.complete');
          expect(await deliver(enqueueingReceiver(fromClient), event)).toEqual({
            status: 202,
            outcome: 'queued',
          });
          expect(await fromClient.counts()).toMatchObject({ waiting: 1 });
          expect(yours.status).toBe('wait'); // never connected: only its options were used
        } finally {
          await fromClient.close();
        }
      },
    );

    it('lists no dead letters on a fresh queue, and says which job cannot be retried and why', async () => {
      const fresh = newQueue(server.url);
      try {
        expect(await fresh.failed()).toEqual([]);
        await expect(fresh.retry('fusionauth.nope')).rejects.toThrow(
          /no job fusionauth\.nope in queue test-/,
        );
        const event = sample('user.create.complete');
        await deliver(enqueueingReceiver(fresh), event);
        await expect(fresh.retry(`fusionauth:${event.id}`)).rejects.toThrow(
          `job fusionauth.${event.id} is waiting, not failed: only dead-lettered jobs are retried`,
        );
        expect(await fresh.retryAll()).toBe(0);
      } finally {
        await fresh.close();
      }
    });

    it('refuses work once closed', async () => {
      const closed = newQueue(server.url);
      await closed.close();
      await expect(closed.failed()).rejects.toThrow(/is closed/);
      const event = sample('user.create.complete');
      expect(await deliver(enqueueingReceiver(closed), event)).toMatchObject({ status: 503 });
    });
  });
}

describeWithRedis('webhookQueue when Redis goes away', () => {
  let redis: RedisServer;
  let queue: WebhookQueue;
  beforeAll(async () => {
    redis = await startRedisServer();
    queue = newQueue(redis.url);
  });
  afterAll(async () => {
    await queue?.close();
    await redis?.stop();
  });

  it('rejects add at once while Redis is down (503), and adds again once it is back', async () => {
    const receiver = enqueueingReceiver(queue);
    expect(await deliver(receiver, sample('user.create.complete'))).toMatchObject({ status: 202 });

    await redis.stop('SIGKILL');
    await sleep(50);
    const event = sample('user.create.complete');
    const started = performance.now();
    expect(await deliver(receiver, event)).toEqual({ status: 503, outcome: 'unavailable' });
    expect(performance.now() - started).toBeLessThan(1_000); // refused, not waited out to the deadline
    await expect(queue.add({ ...sampleJob(), id: 'direct' })).rejects.toThrow(
      /Redis at 127\.0\.0\.1:\d+ (is unreachable|did not take the job)/,
    );

    await redis.restart();
    await expect
      .poll(async () => (await deliver(receiver, event)).status, { timeout: 10_000, interval: 100 })
      .toBe(202);
    expect(await queue.bullmq.getJob(`fusionauth.${event.id}`)).toBeDefined();
  });

  it('answers 503 within the deadline when Redis hangs', async () => {
    const receiver = enqueueingReceiver(queue);
    redis.pause();
    try {
      const started = performance.now();
      expect(await deliver(receiver, sample('user.create.complete'))).toEqual({
        status: 503,
        outcome: 'unavailable',
      });
      expect(performance.now() - started).toBeLessThan(5_000);
    } finally {
      redis.resume();
    }
  });

  it('admin calls say Redis is unreachable instead of waiting forever', async () => {
    const nowhere = webhookQueue({
      connection: 'redis://127.0.0.1:1',
      name: 'nowhere',
      logger: silentLogger,
      connectTimeoutMs: 300,
    });
    try {
      await expect(nowhere.failed()).rejects.toThrow(
        /cannot reach Redis at 127\.0\.0\.1:1 within 300 ms \(connect ECONNREFUSED/,
      );
    } finally {
      await nowhere.close();
    }
  });
});

function sampleJob() {
  const event = sample('user.create.complete');
  return {
    provider: 'fusionauth',
    id: event.id,
    type: event.type,
    event,
    rawEvent: event,
    schemaIssues: [],
    receivedAt: Date.now(),
  };
}

describeWithPostgres('webhookQueue when PostgreSQL goes away', () => {
  it('rejects add while PostgreSQL is down (503), and adds again once it is back', async () => {
    const server = await startPostgresServer();
    const queue = newQueue(server.url);
    try {
      await queue.migrate();
      const receiver = enqueueingReceiver(queue);
      expect(await deliver(receiver, sample('user.create.complete'))).toMatchObject({ status: 202 });

      await server.stop('SIGKILL');
      const event = sample('user.create.complete');
      expect(await deliver(receiver, event)).toEqual({ status: 503, outcome: 'unavailable' });
      await expect(queue.add({ ...sampleJob(), id: 'direct' })).rejects.toThrow(
        /PostgreSQL at 127\.0\.0\.1:\d+\/postgres did not take the job/,
      );

      await server.start();
      await expect
        .poll(async () => (await deliver(receiver, event)).status, { timeout: 15_000, interval: 200 })
        .toBe(202);
      expect(await queue.bullmq.getJob(`fusionauth.${event.id}`)).toBeDefined();
    } finally {
      await queue.close();
      await server.stop();
    }
  });

  it("used before BullMQ's tables exist: 503 saying to migrate; after queue.migrate() it works, the same queue object", async () => {
    const server = await startPostgresServer();
    const queue = newQueue(server.url);
    try {
      const receiver = enqueueingReceiver(queue);
      expect(await deliver(receiver, sample('user.create.complete'))).toEqual({
        status: 503,
        outcome: 'unavailable',
      });
      await expect(queue.add(sampleJob())).rejects.toThrow(
        "create BullMQ's tables first: await queue.migrate(), or `authhooks postgres migrate --queue`",
      );
      await queue.migrate();
      await queue.migrate(); // idempotent
      expect(await deliver(receiver, sample('user.create.complete'))).toEqual({
        status: 202,
        outcome: 'queued',
      });
    } finally {
      await queue.close();
      await server.stop();
    }
  });

  it('admin calls say PostgreSQL is unreachable instead of waiting forever', async () => {
    const nowhere = webhookQueue({
      postgres: 'postgres://app:secret@127.0.0.1:1/app',
      name: 'nowhere',
      logger: silentLogger,
      connectTimeoutMs: 300,
    });
    try {
      await expect(nowhere.failed()).rejects.toThrow(/cannot reach PostgreSQL at 127\.0\.0\.1:1\/app/);
    } finally {
      await nowhere.close();
    }
  });
});
