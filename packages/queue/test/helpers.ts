import { randomUUID } from 'node:crypto';
import { silentLogger } from '@authhooks/core';
import { type FusionAuthEventMap, fusionAuthEvents, fusionReceiver } from '@authhooks/fusionauth';
import { Redis } from 'ioredis';
import pg from 'pg';
import { describeWithPostgres, startPostgresServer } from '../../../test/support/postgres-server.js';
import { describeWithRedis, startRedisServer } from '../../../test/support/redis-server.js';
import {
  createWorker,
  type WebhookQueue,
  type WebhookQueueOptions,
  type WorkerOptions,
  webhookQueue,
} from '../src/index.js';

export const authorization = 'queue-test-authorization';

/** A queue of its own (random name) on the given Redis or PostgreSQL (by the URL's scheme). */
export function newQueue(url: string, options: Partial<WebhookQueueOptions> = {}): WebhookQueue {
  const where = url.startsWith('postgres') ? { postgres: url } : { connection: url };
  return webhookQueue({
    ...where,
    name: `test-${randomUUID()}`,
    logger: silentLogger,
    ...options,
  } as WebhookQueueOptions);
}

/**
 * What someone with write access to the backend can do behind BullMQ's back: read and rewrite a job's
 * data (the tamper tests).
 */
/** A stored user.* job's data, as far as the tamper tests change it. */
export interface StoredJobData {
  rawEvent: { user: { id?: string } };
  event: { user: { id: string } };
  [field: string]: unknown;
}

export interface Tamper {
  read(queue: string, jobId: string): Promise<StoredJobData>;
  write(queue: string, jobId: string, data: unknown): Promise<void>;
  close(): Promise<void>;
}

/** A backend the queue's suites run on, with a server of its own. */
export interface BackendUnderTest {
  readonly kind: 'redis' | 'postgres';
  /** For suite names: `on Redis`, `on PostgreSQL`. */
  readonly title: string;
  /** `describe` that skips (or under CI=true fails) without the server installed. */
  readonly describe: (name: string, body: () => void) => void;
  /** Starts a server (for PostgreSQL with BullMQ's tables migrated). */
  start(): Promise<{ readonly url: string; stop(): Promise<void> }>;
  /** A connection of its own to the server at `url`, for the tamper tests. */
  tamper(url: string): Promise<Tamper>;
}

export const backends: readonly BackendUnderTest[] = [
  {
    kind: 'redis',
    title: 'on Redis',
    describe: describeWithRedis,
    async start() {
      const server = await startRedisServer();
      return { url: server.url, stop: () => server.stop() };
    },
    async tamper(url) {
      const raw = await rawClient(url);
      return {
        read: async (queue, jobId) =>
          JSON.parse((await raw.hget(`bull:${queue}:${jobId}`, 'data')) as string),
        write: async (queue, jobId, data) =>
          void (await raw.hset(`bull:${queue}:${jobId}`, 'data', JSON.stringify(data))),
        close: async () => raw.disconnect(),
      };
    },
  },
  {
    kind: 'postgres',
    title: 'on PostgreSQL',
    describe: describeWithPostgres,
    async start() {
      const server = await startPostgresServer();
      const queue = newQueue(server.url);
      await queue.migrate();
      await queue.close();
      return { url: server.url, stop: () => server.stop() };
    },
    async tamper(url) {
      // BullMQ's PostgreSQL backend keeps a job as one row of bullmq.job, its data in a jsonb column.
      const pool = new pg.Pool({ connectionString: url, max: 2 });
      pool.on('error', () => {});
      return {
        async read(queue, jobId) {
          const { rows } = await pool.query('SELECT data FROM bullmq.job WHERE queue = $1 AND id = $2', [
            queue,
            jobId,
          ]);
          return rows[0]?.data;
        },
        async write(queue, jobId, data) {
          await pool.query('UPDATE bullmq.job SET data = $3::jsonb WHERE queue = $1 AND id = $2', [
            queue,
            jobId,
            JSON.stringify(data),
          ]);
        },
        close: () => pool.end(),
      };
    },
  },
];

/** A FusionAuth receiver that hands these (non-transactional) types to the queue. */
export function enqueueingReceiver(
  queue: WebhookQueue,
  types: readonly (keyof FusionAuthEventMap & string)[] = ['user.delete.complete', 'user.create.complete'],
  delayMs?: number,
) {
  return fusionReceiver({ authorization, logger: silentLogger }).enqueue(
    types as readonly 'user.delete.complete'[],
    queue,
    delayMs === undefined ? {} : { delayMs },
  );
}

type UserEventType = 'user.create.complete' | 'user.delete.complete';

/** A FusionAuth user event as FusionAuth sends it, with a fresh event id and user id. */
export function sample<T extends UserEventType>(
  type: T,
  overrides: { readonly user?: Readonly<Record<string, unknown>> } = {},
): FusionAuthEventMap[T] {
  return {
    type,
    id: randomUUID(),
    createInstant: Date.now(),
    tenantId: randomUUID(),
    user: {
      id: randomUUID(),
      email: 'someone@example.com',
      active: true,
      insertInstant: Date.now(),
      ...overrides.user,
    },
  } as unknown as FusionAuthEventMap[T];
}

/** One delivery through the receiver's whole pipeline (verification, parsing, validation, enqueue). */
export async function deliver(
  receiver: ReturnType<typeof enqueueingReceiver>,
  event: object,
): Promise<{ status: number; outcome: string }> {
  const result = await receiver.receive({
    method: 'POST',
    headers: { authorization, 'content-type': 'application/json' },
    body: JSON.stringify({ event }),
  });
  return { status: result.status, outcome: result.outcome };
}

/** A FusionAuth worker with test settings: quiet, no signal handlers, short backoff. */
export function newWorker(
  queue: WebhookQueue,
  options: Partial<WorkerOptions<FusionAuthEventMap, { readonly transactional: boolean }>> = {},
) {
  return createWorker(queue, {
    events: fusionAuthEvents,
    logger: silentLogger,
    shutdownSignals: false,
    backoff: { delayMs: 20 },
    ...options,
  });
}

/** A plain client for looking at (and tampering with) what BullMQ stored. */
export async function rawClient(url: string): Promise<Redis> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  client.on('error', () => {});
  await client.connect();
  return client;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
