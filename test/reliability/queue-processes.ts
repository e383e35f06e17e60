/**
 * Receivers and workers of one queue, each in its own process (fixtures/queue-receiver.mjs and
 * fixtures/queue-worker.mjs), sharing one Redis as they would behind a load balancer.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { expect } from 'vitest';
import { expectResolvedTarget, startTestProcess, type TestProcess } from '../support/test-process.js';

export const authorization = 'queue-reliability-authorization';

export interface QueueSetup {
  readonly redisUrl: string;
  readonly queueName: string;
  /** Keys of the workers' run counts. */
  readonly prefix: string;
}

export function queueSetup(redisUrl: string): QueueSetup {
  return { redisUrl, queueName: `reliability-${randomUUID()}`, prefix: `queue-reliability:${randomUUID()}:` };
}

export interface Receiver {
  readonly name: string;
  readonly process: TestProcess;
  readonly url: string;
}

export async function startReceiver(setup: QueueSetup, name: string, timeoutMs = 1_500): Promise<Receiver> {
  const process = startTestProcess(new URL('./fixtures/queue-receiver.mjs', import.meta.url), {
    REDIS_URL: setup.redisUrl,
    QUEUE_NAME: setup.queueName,
    AUTHORIZATION: authorization,
    TIMEOUT_MS: String(timeoutMs),
  });
  const { ready } = (await process.next((m) => m.ready !== undefined, 30_000)) as {
    ready: { port: number; resolved: Record<string, string> };
  };
  for (const url of Object.values(ready.resolved)) expectResolvedTarget(url);
  return { name, process, url: `http://127.0.0.1:${ready.port}/` };
}

export interface WorkerSettings {
  readonly concurrency?: number;
  /** BullMQ lockDuration and stalledInterval: short ones make a killed worker's job come back fast. */
  readonly lockMs?: number;
  readonly stalledMs?: number;
  readonly slowMs?: number;
}

export interface WorkerProcess {
  readonly name: string;
  readonly process: TestProcess;
}

export async function startWorker(
  setup: QueueSetup,
  name: string,
  settings: WorkerSettings = {},
): Promise<WorkerProcess> {
  const process = startTestProcess(new URL('./fixtures/queue-worker.mjs', import.meta.url), {
    REDIS_URL: setup.redisUrl,
    QUEUE_NAME: setup.queueName,
    KEY_PREFIX: setup.prefix,
    WORKER_NAME: name,
    CONCURRENCY: String(settings.concurrency ?? 8),
    LOCK_MS: String(settings.lockMs ?? 30_000),
    STALLED_MS: String(settings.stalledMs ?? 30_000),
    SLOW_MS: String(settings.slowMs ?? 500),
  });
  const { ready } = (await process.next((m) => m.ready !== undefined, 30_000)) as {
    ready: { resolved: Record<string, string> };
  };
  for (const url of Object.values(ready.resolved)) expectResolvedTarget(url);
  return { name, process };
}

export interface Answer {
  readonly status: number;
  readonly outcome: unknown;
}

export function deleteCompleteEvent(userId = `user-${randomUUID()}`) {
  return { type: 'user.delete.complete', id: randomUUID(), createInstant: Date.now(), user: { id: userId } };
}

/** One FusionAuth delivery over real HTTP; an answer later than `timeoutMs` fails the test. */
export async function deliver(
  receiver: Receiver,
  event: { id: string },
  timeoutMs = 10_000,
): Promise<Answer> {
  const response = await fetch(receiver.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ event }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = (await response.json()) as { outcome?: unknown };
  return { status: response.status, outcome: body.outcome };
}

/** Runs `work` over `items` with at most `limit` at once. */
export async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index] as T);
      }
    }),
  );
  return results;
}

/** A plain client to read the workers' counts. */
export async function counts(setup: QueueSetup) {
  const client = new Redis(setup.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  client.on('error', () => {});
  await client.connect();
  const read = async (name: 'started' | 'processed') => {
    const all = await client.hgetall(`${setup.prefix}${name}`);
    return new Map(Object.entries(all).map(([id, count]) => [id, Number(count)]));
  };
  return {
    client,
    processed: () => read('processed'),
    started: () => read('started'),
    close: () => client.disconnect(),
  };
}

/** Every process is still running (none crashed). */
export function expectAlive(...processes: { name: string; process: TestProcess }[]): void {
  for (const { name, process } of processes) {
    expect(process.child.exitCode, `${name} exited:\n${process.stderr()}`).toBeNull();
    expect(process.child.signalCode, `${name} was killed`).toBeNull();
  }
}
