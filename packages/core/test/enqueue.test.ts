import {
  createReceiver,
  type EnqueueOptions,
  type EventQueue,
  type QueuedEvent,
  type ResultInfo,
  silentLogger,
} from '@authhooks/core';
import { describe, expect, it } from 'vitest';
import { authed, eventBody, testProvider } from './helpers/provider.js';

/** A queue in memory that keeps one job per provider and id, as a real queue must. */
function memoryQueue(behaviour: 'ok' | 'down' | 'hang' = 'ok') {
  const jobs = new Map<string, { job: QueuedEvent; options: EnqueueOptions }>();
  const queue: EventQueue = {
    name: 'test-queue',
    async add(job, options) {
      if (behaviour === 'down') throw new Error('ECONNREFUSED 127.0.0.1:6379');
      if (behaviour === 'hang') return new Promise(() => {});
      const key = `${job.provider}:${job.id}`;
      if (!jobs.has(key)) jobs.set(key, { job, options });
    },
  };
  return { queue, jobs };
}

const transactionalProvider = () =>
  testProvider({ transactional: (type) => type === 'user.delete' || type.startsWith('user.registration.') });

const post = (receiver: { receive: (input: never) => Promise<unknown> }, body: string) =>
  receiver.receive({ method: 'POST', headers: authed, body } as never) as Promise<{
    status: number;
    outcome: string;
    body: string;
  }>;

describe('enqueue', () => {
  it('answers 202 queued once the queue has the job, which carries the validated event', async () => {
    const { queue, jobs } = memoryQueue();
    const results: ResultInfo[] = [];
    const receiver = createReceiver({
      provider: testProvider(),
      logger: silentLogger,
      onResult: (result) => void results.push(result),
    }).enqueue('user.create', queue, { delayMs: 5000 });
    const answer = await post(
      receiver,
      eventBody('user.create', { id: 'evt-q1', user: { id: 'u-9', email: 7 } }),
    );
    expect([answer.status, answer.outcome]).toEqual([202, 'queued']);
    expect(JSON.parse(answer.body)).toEqual({
      outcome: 'queued',
      eventId: 'evt-q1',
      eventType: 'user.create',
    });
    const stored = jobs.get('test:evt-q1');
    expect(stored?.options).toEqual({ delayMs: 5000 });
    expect(stored?.job).toMatchObject({
      provider: 'test',
      id: 'evt-q1',
      type: 'user.create',
      event: { type: 'user.create', id: 'evt-q1', user: { id: 'u-9' } },
      rawEvent: { user: { id: 'u-9', email: 7 } },
      schemaIssues: [{ path: ['user', 'email'], message: expect.any(String) }],
    });
    expect(stored?.job.receivedAt).toBeGreaterThan(Date.now() - 10_000);
    await expect.poll(() => results.map((r) => [r.outcome, r.status])).toEqual([['queued', 202]]);
  });

  it('a duplicate delivery leaves one job', async () => {
    const { queue, jobs } = memoryQueue();
    const receiver = createReceiver({ provider: testProvider(), logger: silentLogger }).enqueue(
      'user.create',
      queue,
    );
    const body = eventBody('user.create', { id: 'evt-dup' });
    for (let i = 0; i < 3; i++) expect((await post(receiver, body)).status).toBe(202);
    expect(jobs.size).toBe(1);
  });

  it('answers 503 when the queue refuses the job, and names no internal detail', async () => {
    const receiver = createReceiver({ provider: testProvider(), logger: silentLogger }).enqueue(
      'user.create',
      memoryQueue('down').queue,
    );
    const answer = await post(receiver, eventBody('user.create'));
    expect([answer.status, answer.outcome]).toEqual([503, 'unavailable']);
    expect(JSON.parse(answer.body).error).toBe('queue test-queue unavailable');
    expect(answer.body).not.toContain('127.0.0.1:6379'); // a random event id may well contain 6379
  });

  it('answers 503 within the deadline when the queue never answers', async () => {
    const receiver = createReceiver({
      provider: testProvider(),
      logger: silentLogger,
      timeoutMs: 100,
    }).enqueue('user.create', memoryQueue('hang').queue);
    const started = performance.now();
    const answer = await post(receiver, eventBody('user.create'));
    expect([answer.status, answer.outcome]).toEqual([503, 'unavailable']);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it.each([
    ['before', 'the veto registered before the hand-off'],
    ['after', 'the veto registered after the hand-off'],
  ])('hands on only after every inline handler succeeded (%s): a veto queues nothing; mixed routes answer handled', async (order) => {
    const { queue, jobs } = memoryQueue();
    const ran: string[] = [];
    const veto = (
      event: { user: { email?: string | null | undefined } },
      ctx: { reject(m: string): never },
    ) => {
      ran.push('veto check');
      if (event.user.email === 'no@blocked.example') ctx.reject('blocked');
    };
    const receiver = createReceiver({ provider: testProvider(), logger: silentLogger });
    if (order === 'before')
      receiver.on('user.registration.create', veto).enqueue('user.registration.create', queue);
    else receiver.enqueue('user.registration.create', queue).on('user.registration.create', veto);
    receiver.on('user.registration.create', () => void ran.push('after'));
    const blocked = await post(
      receiver,
      eventBody('user.registration.create', {
        user: { id: 'u', email: 'no@blocked.example' },
        registration: { applicationId: 'a' },
      }),
    );
    expect([blocked.status, blocked.outcome, jobs.size]).toEqual([422, 'rejected', 0]);
    const fine = await post(
      receiver,
      eventBody('user.registration.create', { registration: { applicationId: 'a' } }),
    );
    expect([fine.status, fine.outcome, jobs.size]).toEqual([200, 'handled', 1]);
    expect(ran).toEqual(['veto check', 'veto check', 'after']);
  });

  it('a handler that fails after the hand-off was registered still stops it', async () => {
    const { queue, jobs } = memoryQueue();
    const receiver = createReceiver({ provider: testProvider(), logger: silentLogger })
      .enqueue('user.delete', queue)
      .on('user.delete', () => {
        throw new Error('db down');
      });
    const answer = await post(receiver, eventBody('user.delete', { id: 'late-failure' }));
    expect([answer.status, answer.outcome, jobs.size]).toEqual([500, 'handler_error', 0]);
  });

  it('refuses transactional types at start-up, wildcards included, unless allowed explicitly', () => {
    const { queue } = memoryQueue();
    const receiver = createReceiver({ provider: transactionalProvider(), logger: silentLogger });
    expect(() => receiver.enqueue('user.delete', queue)).toThrow(
      /user\.delete is transactional.*\{ allowTransactional: true \}/,
    );
    expect(() => receiver.enqueue('user.registration.*', queue)).toThrow(
      /user\.registration\.create, user\.registration\.delete are transactional/,
    );
    expect(() => receiver.enqueue('user.create', queue)).not.toThrow();
    expect(() => receiver.enqueue('user.delete', queue, { allowTransactional: true })).not.toThrow();
  });

  it('refuses something that is not a queue, saying what it needs', () => {
    const receiver = createReceiver({ provider: testProvider(), logger: silentLogger });
    expect(() => receiver.enqueue('user.create', {} as EventQueue)).toThrow(/add\(job, options\) method/);
  });
});
