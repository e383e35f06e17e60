/**
 * `.enqueue(...)` over real HTTP through every adapter, into a real Redis: 202 once Redis has the job,
 * one job per event, 503 (and no crash) while Redis is down or hangs, 202 again once it is back.
 */
import { randomUUID } from 'node:crypto';
import { silentLogger } from '@authhooks/core';
import { type WebhookQueue, webhookQueue } from '@authhooks/queue';
import { fusionAuthBody, fusionAuthSample } from '@authhooks/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapters, type Running } from '../helpers/adapters.js';
import { send } from '../helpers/requests.js';
import { describeWithRedis, type RedisServer, startRedisServer } from '../support/redis-server.js';

const authorization = 'queue-http-authorization';
const headers = { 'content-type': 'application/json', authorization };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const deliver = (url: string, event: object) =>
  send(url, { headers, body: fusionAuthBody(event as Record<string, unknown>) });

describeWithRedis('enqueue over HTTP into Redis', () => {
  let redis: RedisServer;
  const queues: WebhookQueue[] = [];
  const servers: Running[] = [];
  const newQueue = () => {
    const queue = webhookQueue({ connection: redis.url, name: `http-${randomUUID()}`, logger: silentLogger });
    queues.push(queue);
    return queue;
  };
  const start = async (adapter: (typeof adapters)[number], queue: WebhookQueue, delayMs?: number) => {
    const running = await adapter.start({ authorization, logger: silentLogger }, (routes) =>
      routes.enqueue(
        ['user.delete.complete', 'user.registration.create.complete'],
        queue,
        delayMs === undefined ? {} : { delayMs },
      ),
    );
    servers.push(running);
    return running.url;
  };

  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
    await Promise.all(queues.map((queue) => queue.close()));
    await redis?.stop();
  });

  describe.each(adapters.map((adapter) => [adapter.name, adapter] as const))('%s', (_name, adapter) => {
    it('answers 202 queued once Redis holds the job with the validated event; a duplicate adds nothing', async () => {
      const queue = newQueue();
      const url = await start(adapter, queue);
      const event = fusionAuthSample('user.delete.complete');
      const first = await deliver(url, event);
      expect([first.status, first.json]).toEqual([
        202,
        { outcome: 'queued', eventId: event.id, eventType: 'user.delete.complete' },
      ]);
      expect((await deliver(url, event)).status).toBe(202);
      const jobs = await queue.bullmq.getJobs(['waiting']);
      expect(jobs.map((job) => job.id)).toEqual([`fusionauth.${event.id}`]);
      expect(jobs[0]?.data).toMatchObject({
        provider: 'fusionauth',
        id: event.id,
        type: 'user.delete.complete',
        event: { id: event.id, user: { id: event.user.id } },
      });
      // A type nobody enqueued is not queued: no handler, ignored as usual.
      expect((await deliver(url, fusionAuthSample('user.create.complete'))).json.outcome).toBe('ignored');
    });
  });

  const express = adapters[0] as (typeof adapters)[number];

  it('holds a job for delayMs (FusionAuth #2233: *.complete events can arrive before the commit)', async () => {
    const queue = newQueue();
    const url = await start(express, queue, 5_000);
    const event = fusionAuthSample('user.registration.create.complete');
    expect((await deliver(url, event)).status).toBe(202);
    const job = await queue.bullmq.getJob(`fusionauth.${event.id}`);
    expect(await job?.getState()).toBe('delayed');
    expect(job?.opts.delay).toBe(5_000);
  });

  it('refuses to enqueue a transactional type when the webhook is set up, not per request', async () => {
    const queue = newQueue();
    await expect(
      express.start({ authorization, logger: silentLogger }, (routes) =>
        routes.enqueue('user.delete', queue),
      ),
    ).rejects.toThrow(/user\.delete is transactional.*\{ allowTransactional: true \}/);
  });
});

describeWithRedis('enqueue over HTTP while Redis goes away', () => {
  let redis: RedisServer;
  let queue: WebhookQueue;
  let server: Running;

  beforeAll(async () => {
    redis = await startRedisServer();
    queue = webhookQueue({ connection: redis.url, name: `outage-${randomUUID()}`, logger: silentLogger });
    server = await (adapters[0] as (typeof adapters)[number]).start(
      { authorization, logger: silentLogger, timeoutMs: 1_000 },
      (routes) => routes.enqueue('user.delete.complete', queue),
    );
  });
  afterAll(async () => {
    await server?.close();
    await queue?.close();
    await redis?.stop();
  });

  it('answers 503 within the deadline while Redis is down or hung, and 202 again once it is back', async () => {
    expect((await deliver(server.url, fusionAuthSample('user.delete.complete'))).status).toBe(202);

    await redis.stop('SIGKILL');
    await sleep(50);
    const whileDown = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const started = performance.now();
        const answer = await deliver(server.url, fusionAuthSample('user.delete.complete'));
        return { status: answer.status, outcome: answer.json.outcome, ms: performance.now() - started };
      }),
    );
    expect(new Set(whileDown.map((answer) => `${answer.status} ${answer.outcome}`))).toEqual(
      new Set(['503 unavailable']),
    );
    expect(Math.max(...whileDown.map((answer) => answer.ms))).toBeLessThan(3_000);

    await redis.restart();
    const event = fusionAuthSample('user.delete.complete');
    await expect
      .poll(async () => (await deliver(server.url, event)).status, { timeout: 10_000, interval: 100 })
      .toBe(202);
    expect(await queue.bullmq.getJob(`fusionauth.${event.id}`)).toBeDefined();

    redis.pause();
    try {
      const started = performance.now();
      const hung = await deliver(server.url, fusionAuthSample('user.delete.complete'));
      expect([hung.status, hung.json.outcome]).toEqual([503, 'unavailable']);
      expect(performance.now() - started).toBeLessThan(3_000);
    } finally {
      redis.resume();
    }
    expect((await deliver(server.url, fusionAuthSample('user.delete.complete'))).status).toBe(202);
  });
});
