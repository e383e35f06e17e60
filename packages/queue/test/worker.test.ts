import { silentLogger } from '@authhooks/core';
import { fusionAuthEvents } from '@authhooks/fusionauth';
import { logtoEvents, logtoReceiver, signLogtoPayload } from '@authhooks/logto';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createWorker, type WebhookQueue, type WorkerFailure } from '../src/index.js';
import {
  backends,
  deliver,
  enqueueingReceiver,
  newQueue,
  newWorker,
  rawClient,
  sample,
  sleep,
  type Tamper,
} from './helpers.js';

for (const backend of backends) {
  backend.describe(`createWorker ${backend.title}`, () => {
    let server: { url: string; stop(): Promise<void> };
    let raw: Redis | undefined;
    let tamper: Tamper;
    /** A job whose data is not JSON can exist in Redis only (PostgreSQL keeps it in a jsonb column). */
    const itOnRedis = backend.kind === 'redis' ? it : () => {};
    const open: { close(): Promise<void> }[] = [];
    /** A fresh queue, its receiver, and cleanup after the test. */
    const setup = () => {
      const queue = newQueue(server.url);
      open.push(queue);
      return { queue, receiver: enqueueingReceiver(queue) };
    };
    const started = async <W extends { start(): Promise<unknown>; close(): Promise<void> }>(
      worker: W,
    ): Promise<W> => {
      open.push(worker);
      await worker.start();
      return worker;
    };

    beforeAll(async () => {
      server = await backend.start();
      if (backend.kind === 'redis') raw = await rawClient(server.url);
      tamper = await backend.tamper(server.url);
    });
    afterEach(async () => {
      // Workers before queues, in reverse order of creation.
      for (const one of open.splice(0).reverse()) await one.close();
    });
    afterAll(async () => {
      raw?.disconnect();
      await server?.stop();
    });

    it('runs the typed handlers with a ctx like the receiver’s, minus the veto, plus attempt and jobId', async () => {
      const { queue, receiver } = setup();
      const seen: Record<string, unknown>[] = [];
      const worker = newWorker(queue).on('user.delete.complete', (event, ctx) => {
        seen.push({
          userId: event.user.id,
          eventId: ctx.eventId,
          eventType: ctx.eventType,
          attempt: ctx.attempt,
          jobId: ctx.jobId,
          transactional: ctx.transactional,
          aborted: ctx.signal.aborted,
          logs: typeof ctx.log.info,
          rawBirthDate: (ctx.rawEvent.user as Record<string, unknown>).birthDate,
          issues: ctx.schemaIssues.map((issue) => issue.path.join('.')),
          receivedAt: typeof ctx.receivedAt,
          veto: ['reject', 'headers', 'rawBody'].filter((name) => name in ctx),
        });
      });
      await started(worker);
      const event = sample('user.delete.complete');
      (event.user as unknown as Record<string, unknown>).birthDate = 42;
      expect(await deliver(receiver, event)).toMatchObject({ status: 202 });
      await expect.poll(() => seen.length).toBe(1);
      expect(seen[0]).toEqual({
        userId: event.user.id,
        eventId: event.id,
        eventType: 'user.delete.complete',
        attempt: 1,
        jobId: `fusionauth.${event.id}`,
        transactional: false,
        aborted: false,
        logs: 'function',
        rawBirthDate: 42,
        issues: ['user.birthDate'],
        receivedAt: 'number',
        veto: [],
      });
      await expect.poll(() => queue.counts()).toMatchObject({ completed: 1, failed: 0 });
    });

    it('runs every matching handler in registration order, onAny and wildcards included', async () => {
      const { queue, receiver } = setup();
      const order: string[] = [];
      const worker = newWorker(queue)
        .onAny(() => void order.push('any'))
        .on('user.*', async () => {
          await sleep(5);
          order.push('user.*');
        })
        .on(['user.create.complete', 'user.delete.complete'], () => void order.push('list'))
        .on('user.delete', () => void order.push('other type'));
      await started(worker);
      await deliver(receiver, sample('user.create.complete'));
      await expect.poll(() => order).toEqual(['any', 'user.*', 'list']);
    });

    it('retries a failing handler after a backoff until it succeeds', async () => {
      const { queue, receiver } = setup();
      const runs: { attempt: number; at: number }[] = [];
      const failures: WorkerFailure[] = [];
      const worker = newWorker(queue, { backoff: { delayMs: 60 } })
        .on('user.create.complete', (_event, ctx) => {
          runs.push({ attempt: ctx.attempt, at: performance.now() });
          if (ctx.attempt <= 2) throw new Error(`flaky ${ctx.attempt}`);
        })
        .onError((failure) => void failures.push(failure));
      await started(worker);
      const event = sample('user.create.complete');
      await deliver(receiver, event);
      await expect.poll(() => queue.counts(), { timeout: 5_000 }).toMatchObject({ completed: 1, failed: 0 });
      expect(runs.map((run) => run.attempt)).toEqual([1, 2, 3]);
      const [first, second, third] = runs.map((run) => run.at) as [number, number, number];
      expect(second - first).toBeGreaterThanOrEqual(50); // 60 ms, then 120 ms (exponential)
      expect(third - second).toBeGreaterThanOrEqual(100);
      expect(
        failures.map(({ attempt, willRetry, eventId, jobId }) => ({ attempt, willRetry, eventId, jobId })),
      ).toEqual([
        { attempt: 1, willRetry: true, eventId: event.id, jobId: `fusionauth.${event.id}` },
        { attempt: 2, willRetry: true, eventId: event.id, jobId: `fusionauth.${event.id}` },
      ]);
    });

    it('dead-letters a job that keeps failing, with its error, and re-drives it once fixed', async () => {
      const { queue, receiver } = setup();
      let broken = true;
      const done: string[] = [];
      const worker = newWorker(queue, { attempts: 3 }).on('user.delete.complete', (event) => {
        if (broken) throw new Error('the todo database is down');
        done.push(event.id);
      });
      await started(worker);
      const event = sample('user.delete.complete');
      await deliver(receiver, event);
      await expect.poll(() => queue.counts(), { timeout: 5_000 }).toMatchObject({ failed: 1 });

      const [letter, ...others] = await queue.failed();
      expect(others).toEqual([]);
      expect(letter).toMatchObject({
        id: `fusionauth.${event.id}`,
        provider: 'fusionauth',
        eventId: event.id,
        eventType: 'user.delete.complete',
        error: 'the todo database is down',
        attempts: 3,
      });
      expect(letter?.failedAt).toBeInstanceOf(Date);
      expect(letter?.receivedAt).toBeInstanceOf(Date);

      // A duplicate delivery of a dead-lettered event adds nothing and runs nothing.
      expect(await deliver(receiver, event)).toMatchObject({ status: 202 });
      await sleep(100);
      expect(await queue.counts()).toMatchObject({ failed: 1, waiting: 0 });

      broken = false;
      await queue.retry(letter?.id as string);
      await expect.poll(() => done).toEqual([event.id]);
      await expect.poll(() => queue.counts()).toMatchObject({ failed: 0, completed: 1 });
    });

    it('retryAll re-drives every dead letter with a fresh set of attempts', async () => {
      const { queue, receiver } = setup();
      let broken = true;
      const attempts: number[] = [];
      const worker = newWorker(queue, { attempts: 1 }).on('user.create.complete', (_event, ctx) => {
        attempts.push(ctx.attempt);
        if (broken) throw new Error('still broken');
      });
      await started(worker);
      for (let i = 0; i < 3; i++) await deliver(receiver, sample('user.create.complete'));
      await expect.poll(() => queue.counts(), { timeout: 5_000 }).toMatchObject({ failed: 3 });
      broken = false;
      expect(await queue.retryAll()).toBe(3);
      await expect.poll(() => queue.counts()).toMatchObject({ failed: 0, completed: 3 });
      expect(attempts).toEqual([1, 1, 1, 1, 1, 1]);
    });

    it('re-validates each job: a payload changed in the backend fails for good, without retries, saying why', async () => {
      const { queue } = setup();
      const receiver = enqueueingReceiver(queue, ['user.delete.complete'], 60_000); // held until tampered with
      const event = sample('user.delete.complete');
      await deliver(receiver, event);
      const jobId = `fusionauth.${event.id}`;
      const data = await tamper.read(queue.name, jobId);
      delete data.rawEvent.user.id; // FusionAuth always sends it: a required field
      data.event.user.id = 'someone-else'; // and the copy is not what the worker trusts
      await tamper.write(queue.name, jobId, data);
      await queue.bullmq.getJob(`fusionauth.${event.id}`).then((job) => job?.promote());

      const ran: string[] = [];
      await started(
        newWorker(queue, { attempts: 5 }).on('user.delete.complete', (e) => void ran.push(e.user.id)),
      );
      await expect.poll(() => queue.counts(), { timeout: 5_000 }).toMatchObject({ failed: 1 });
      const [letter] = await queue.failed();
      expect(letter?.error).toMatch(
        /^invalid user\.delete\.complete event: user\.id: .+ \(job fusionauth\..+: its event no longer passes the user\.delete\.complete schema, so it was changed in Redis or written by an incompatible version\. Not retried\.\)$/,
      );
      expect(letter?.attempts).toBe(1);
      expect(ran).toEqual([]);
    });

    it('hands each handler the event re-validated from the raw event, not the stored copy', async () => {
      const { queue } = setup();
      const receiver = enqueueingReceiver(queue, ['user.delete.complete'], 60_000);
      const event = sample('user.delete.complete');
      await deliver(receiver, event);
      const jobId = `fusionauth.${event.id}`;
      const data = await tamper.read(queue.name, jobId);
      data.event.user.id = 'someone-else';
      await tamper.write(queue.name, jobId, data);
      await queue.bullmq.getJob(`fusionauth.${event.id}`).then((job) => job?.promote());
      const ran: string[] = [];
      await started(newWorker(queue).on('user.delete.complete', (e) => void ran.push(e.user.id)));
      await expect.poll(() => ran).toEqual([event.user.id]);
    });

    it('fails for good a job of another provider or one that is not a queued event', async () => {
      const { queue } = setup();
      await queue.bullmq.add('user.create.complete', { hello: 'world' }, { jobId: 'stray.1' });
      await queue.add({
        provider: 'logto',
        id: 'l-1',
        type: 'PostRegister',
        event: {},
        rawEvent: { event: 'PostRegister' },
        schemaIssues: [],
        receivedAt: Date.now(),
      });
      await started(newWorker(queue).onAny(() => {}));
      await expect.poll(() => queue.counts(), { timeout: 5_000 }).toMatchObject({ failed: 2 });
      const errors = (await queue.failed()).map((letter) => letter.error).sort();
      expect(errors).toEqual([
        'job logto.l-1 holds a logto event, but this worker reads fusionauth events: give createWorker the matching catalog, or enqueue each provider to its own queue. Not retried.',
        'job stray.1 is not an authhooks queued event (no valid provider, id, type, rawEvent): only webhook.enqueue(...) should add jobs to this queue. Not retried.',
      ]);
    });

    itOnRedis('dead-letters at once a job whose data is not JSON, saying so, and lists it', async () => {
      const { queue } = setup();
      const receiver = enqueueingReceiver(queue, ['user.delete.complete'], 60_000);
      const event = sample('user.delete.complete');
      await deliver(receiver, event);
      const jobId = `fusionauth.${event.id}`;
      await (raw as Redis).hset(`bull:${queue.name}:${jobId}`, 'data', '{not json');
      await (raw as Redis).zadd(`bull:${queue.name}:delayed`, 0, jobId); // due now
      const errors: string[] = [];
      const logger = {
        ...silentLogger,
        error: (_fields: object, message: string) => void errors.push(message),
        warn: (_fields: object, message: string) => void errors.push(message),
      };
      const ran: string[] = [];
      await started(newWorker(queue, { logger }).on('user.delete.complete', (e) => void ran.push(e.user.id)));
      await expect.poll(() => queue.counts(), { timeout: 5_000 }).toMatchObject({ failed: 1, active: 0 });
      const [letter] = await queue.failed();
      expect(letter?.id).toBe(jobId);
      expect(letter?.error).toMatch(/^job fusionauth\..+ holds data that is not JSON .*Not retried\.$/);
      expect(letter?.attempts).toBe(1);
      expect(ran).toEqual([]);
      expect(errors.join('\n')).not.toMatch(/cannot reach Redis/);
    });

    it('signed jobs: a job added or changed in the backend without the secret is refused and dead-lettered, unrun', async () => {
      const secret = 'a-queue-signing-secret-of-32-chars!';
      const queue = newQueue(server.url, {
        signingSecret: [secret, 'an-older-secret-still-verifying-0000'],
      });
      open.push(queue);
      const receiver = enqueueingReceiver(queue, ['user.delete.complete'], 60_000);
      const genuine = sample('user.delete.complete');
      const tampered = sample('user.delete.complete');
      await deliver(receiver, genuine);
      await deliver(receiver, tampered);
      // Someone with access to Redis: retargets one event at another user, and injects a job of their own.
      const data = await tamper.read(queue.name, `fusionauth.${tampered.id}`);
      data.rawEvent.user.id = 'victim';
      await tamper.write(queue.name, `fusionauth.${tampered.id}`, data);
      const injected = sample('user.delete.complete');
      const unsigned = newQueue(server.url, { name: queue.name });
      open.push(unsigned);
      await deliver(enqueueingReceiver(unsigned, ['user.delete.complete']), injected);
      for (const id of [genuine.id, tampered.id]) {
        await queue.bullmq.getJob(`fusionauth.${id}`).then((job) => job?.promote());
      }

      const ran: string[] = [];
      await started(newWorker(queue).on('user.delete.complete', (e) => void ran.push(e.user.id)));
      await expect.poll(() => queue.counts(), { timeout: 5_000 }).toMatchObject({ failed: 2, completed: 1 });
      expect(ran).toEqual([genuine.user.id]);
      const letters = await queue.failed();
      expect(letters.map((letter) => letter.id).sort()).toEqual(
        [`fusionauth.${tampered.id}`, `fusionauth.${injected.id}`].sort(),
      );
      for (const letter of letters) {
        expect(letter.error).toMatch(
          /is not signed with the queue's signingSecret: .* Not run, not retried\.$/,
        );
        expect(letter.attempts).toBe(1);
      }
    });

    it('signed jobs: a short secret is refused at start-up, and AUTHHOOKS_QUEUE_SIGNING_SECRET is read', async () => {
      expect(() => newQueue(server.url, { signingSecret: 'short' })).toThrow(/at least 32 characters/);
      expect(() => newQueue(server.url, { env: { AUTHHOOKS_QUEUE_SIGNING_SECRET: 'short' } })).toThrow(
        /AUTHHOOKS_QUEUE_SIGNING_SECRET\) must be at least 32 characters/,
      );
      const queue = newQueue(server.url, {
        env: { AUTHHOOKS_QUEUE_SIGNING_SECRET: 'a-queue-signing-secret-of-32-chars!' },
      });
      open.push(queue);
      const event = sample('user.delete.complete');
      await deliver(enqueueingReceiver(queue, ['user.delete.complete'], 60_000), event);
      const stored = await queue.bullmq.getJob(`fusionauth.${event.id}`);
      expect(stored?.data.signature).toMatch(/^[A-Za-z0-9_-]{43}$/);
    });

    it('dead-letters a job no handler of this worker takes, saying how to fix and re-drive it', async () => {
      const { queue, receiver } = setup();
      await started(newWorker(queue).on('user.delete.complete', () => {}));
      const event = sample('user.create.complete');
      await deliver(receiver, event);
      await expect.poll(() => queue.counts(), { timeout: 5_000 }).toMatchObject({ failed: 1 });
      const [letter] = await queue.failed();
      expect(letter?.error).toBe(
        `no handler for user.create.complete on this worker: register one (.on('user.create.complete', …)), then re-drive the job (queue.retry('fusionauth.${event.id}') or authhooks queue retry fusionauth.${event.id})`,
      );
    });

    it('aborts ctx.signal at timeoutMs and fails the attempt', async () => {
      const { queue, receiver } = setup();
      let reason: unknown;
      const worker = newWorker(queue, { attempts: 1, timeoutMs: 150 }).on(
        'user.create.complete',
        (_e, ctx) =>
          new Promise((_, reject) => {
            ctx.signal.addEventListener('abort', () => {
              reason = ctx.signal.reason;
              reject(ctx.signal.reason);
            });
          }),
      );
      await started(worker);
      await deliver(receiver, sample('user.create.complete'));
      await expect.poll(() => queue.counts(), { timeout: 5_000 }).toMatchObject({ failed: 1 });
      expect((await queue.failed())[0]?.error).toBe('the handlers did not finish within 150 ms');
      expect(reason).toBeInstanceOf(Error);
    });

    it('close() lets a running job finish before it resolves', async () => {
      const { queue, receiver } = setup();
      const finished: string[] = [];
      let running = false;
      const worker = newWorker(queue).on('user.create.complete', async (event) => {
        running = true;
        await sleep(300);
        finished.push(event.id);
      });
      await started(worker);
      const event = sample('user.create.complete');
      await deliver(receiver, event);
      await expect.poll(() => running).toBe(true);
      await worker.close();
      expect(finished).toEqual([event.id]);
      expect(await queue.counts()).toMatchObject({ completed: 1, active: 0 });
    });

    it('close() puts a job that outlives shutdownTimeoutMs back in the queue, without using up an attempt', async () => {
      const { queue, receiver } = setup();
      let signal: AbortSignal | undefined;
      const worker = newWorker(queue, { shutdownTimeoutMs: 100 }).on('user.create.complete', (_e, ctx) => {
        signal = ctx.signal;
        return new Promise(() => {}); // ignores its signal
      });
      await started(worker);
      const event = sample('user.create.complete');
      await deliver(receiver, event);
      await expect.poll(() => signal).toBeDefined();
      await worker.close();
      expect(signal?.aborted).toBe(true);
      const job = await queue.bullmq.getJob(`fusionauth.${event.id}`);
      expect(await job?.getState()).toBe('waiting');
      expect(job?.attemptsMade).toBe(0);

      const next: number[] = [];
      await started(newWorker(queue).on('user.create.complete', (_e, ctx) => void next.push(ctx.attempt)));
      await expect.poll(() => next).toEqual([1]);
    });

    it('works for Logto too: its catalog, its body-derived event id, its ctx.hookId', async () => {
      const queue = newQueue(server.url);
      open.push(queue);
      const signingKey = 'logto-signing-key';
      const receiver = logtoReceiver({ signingKey, logger: silentLogger }).enqueue('PostRegister', queue);
      const body = JSON.stringify({
        event: 'PostRegister',
        createdAt: new Date().toISOString(),
        hookId: 'hook-1',
        userId: 'u-logto',
        user: { id: 'u-logto', primaryEmail: 'ada@example.com' },
      });
      const headers = {
        'content-type': 'application/json',
        'logto-signature-sha-256': await signLogtoPayload(body, signingKey),
      };
      const answer = await receiver.receive({ method: 'POST', headers, body });
      expect(answer.status).toBe(202);
      expect((await receiver.receive({ method: 'POST', headers, body })).status).toBe(202); // a replay: same job

      const seen: unknown[] = [];
      await started(
        createWorker(queue, { events: logtoEvents, logger: silentLogger, shutdownSignals: false }).on(
          'PostRegister',
          (event, ctx) => void seen.push([event.userId, ctx.hookId, ctx.jobId.startsWith('logto.')]),
        ),
      );
      await expect.poll(() => seen).toEqual([['u-logto', 'hook-1', true]]);
      expect(await queue.counts()).toMatchObject({ completed: 1, waiting: 0 });
    });

    it('refuses wrong options with a message that says what to pass', () => {
      const { queue } = setup();
      const events = fusionAuthEvents;
      expect(() => createWorker(queue, {} as never)).toThrow(
        /needs the provider's events: \{ events: fusionAuthEvents \}/,
      );
      expect(() => createWorker(queue, { events, attempts: 0 })).toThrow(
        /attempts must be a whole number from 1 to 1000, got 0/,
      );
      expect(() => createWorker(queue, { events, concurrency: 1.5 })).toThrow(
        /concurrency must be a whole number/,
      );
      expect(() => createWorker(queue, { events, timeoutMs: -1 })).toThrow(
        /timeoutMs must be a whole number of ms/,
      );
      expect(() => createWorker(queue, { events, backoff: { type: 'linear' as 'fixed' } })).toThrow(
        /backoff.type must be 'exponential' or 'fixed', got linear/,
      );
      expect(() => createWorker(queue, { events, validation: 'loose' as 'strict' })).toThrow(
        /'lenient' or 'strict'/,
      );
      expect(() =>
        createWorker({ name: 'x', add: async () => {} } as unknown as WebhookQueue, { events }),
      ).toThrow(/needs the queue returned by webhookQueue/);
    });
  });
}
