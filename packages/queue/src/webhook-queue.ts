import {
  consoleLogger,
  describeError,
  type EnqueueOptions,
  type EventQueue,
  type Logger,
  type QueuedEvent,
} from '@authhooks/core';
import type { DefaultJobOptions, Job, Queue, Telemetry } from 'bullmq';
import { postgresBackend, type QueueBackend, redisBackend } from './backend.js';
import type { Connection } from './connection.js';
import { type DeadLetter, deadLetterOf } from './dead-letter.js';
import { jobIdOf, toJobId } from './job-id.js';
import { type JobSigner, jobSigner } from './job-signature.js';
import { checkName, checkPrefix, wholeNumber } from './options.js';
import { migratePostgres, type PostgresConnection } from './postgres-connection.js';
import { backoffType, maxAttempts } from './retry-policy.js';
import { TolerantQueue } from './tolerant-job.js';

/** BullMQ job options the queue lets you set; id, delay, attempts and backoff are authhooks' own. */
export type JobOptions = Omit<DefaultJobOptions, 'delay' | 'attempts' | 'backoff' | 'timestamp'>;

interface CommonQueueOptions {
  /** The BullMQ queue name; workers use the same. Default `authhooks`. */
  readonly name?: string;
  /**
   * Merged over the defaults: completed jobs kept 24 h (`removeOnComplete: { age: 86400 }`) so a late
   * duplicate delivery still finds its job, failed jobs kept until retried or removed (`removeOnFail: false`).
   */
  readonly defaultJobOptions?: JobOptions;
  /** Default: the console logger of `@authhooks/core` (JSON lines on stderr). */
  readonly logger?: Logger;
  /** How long `failed`, `retry`, `retryAll` and `counts` wait for a connection to the backend. Default 5000. */
  readonly connectTimeoutMs?: number;
  /**
   * Signs every job (HMAC-SHA256, at least 32 characters), and workers made from this queue run only
   * jobs that verify: whoever can write to Redis cannot add or change an event without it. Several
   * secrets rotate: the first signs, each verifies. Default: AUTHHOOKS_QUEUE_SIGNING_SECRET (comma-
   * separated), else unsigned, and anyone who can write to the queue's Redis keys is trusted.
   */
  readonly signingSecret?: string | readonly string[];
  /** Where AUTHHOOKS_QUEUE_SIGNING_SECRET is read. Default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * BullMQ's own tracing of the queue (`new BullMQOtel('webhooks')` from bullmq-otel): a producer span
   * per job, whose context BullMQ carries to the worker. authhooks links the worker's span to the
   * delivery without it; give the worker the same in `bullmq: { telemetry }`.
   */
  readonly telemetry?: Telemetry;
}

/** The jobs in Redis (BullMQ's default backend). */
export interface RedisQueueOptions extends CommonQueueOptions {
  readonly connection: Connection;
  /** The BullMQ key prefix. Default `bull`. */
  readonly prefix?: string;
  readonly postgres?: never;
}

/**
 * The jobs in PostgreSQL (BullMQ's PostgreSQL backend, PostgreSQL 13 or later): no Redis needed. Its
 * tables are created by `queue.migrate()` or `authhooks postgres migrate --queue`.
 */
export interface PostgresQueueOptions extends CommonQueueOptions {
  readonly postgres: PostgresConnection;
  readonly connection?: never;
  readonly prefix?: never;
}

export type WebhookQueueOptions = RedisQueueOptions | PostgresQueueOptions;

export interface QueueCounts {
  readonly waiting: number;
  readonly active: number;
  readonly delayed: number;
  readonly completed: number;
  readonly failed: number;
}

/** Where `.enqueue(...)` hands events, and the dead-letter set of the workers that take them. */
export interface WebhookQueue extends EventQueue {
  readonly name: string;
  /** The BullMQ key prefix (Redis); `''` on PostgreSQL, whose tables live in a schema instead. */
  readonly prefix: string;
  /** Where the jobs live. */
  readonly backend: 'redis' | 'postgres';
  /**
   * Adds the event as job `<provider>.<event id>` (a second add of the same event is a no-op). Resolves
   * once the backend has it; rejects at once while Redis is known to be unreachable.
   */
  add(job: QueuedEvent, options?: EnqueueOptions): Promise<void>;
  /** Jobs that failed for good, newest first; `start`/`end` are inclusive indexes (default 0…99). */
  failed(range?: { readonly start?: number; readonly end?: number }): Promise<DeadLetter[]>;
  /** Re-drives one dead-lettered job with a fresh set of attempts; `id` as listed, or `<provider>:<event id>`. */
  retry(id: string): Promise<void>;
  /** Re-drives every dead-lettered job; resolves with how many. */
  retryAll(): Promise<number>;
  counts(): Promise<QueueCounts>;
  /**
   * PostgreSQL only: creates or upgrades BullMQ's tables (idempotent; an advisory lock makes concurrent
   * calls safe). Redis needs nothing: resolves at once.
   */
  migrate(): Promise<void>;
  /** Closes its connection. Workers made from it are closed separately. */
  close(): Promise<void>;
  /** The BullMQ queue underneath (for dashboards such as bull-board, or anything BullMQ offers). */
  readonly bullmq: Queue;
}

/** What a worker made from a queue needs: the same backend, name and prefix. */
export interface QueueInternals {
  readonly backend: QueueBackend;
  readonly logger: Logger;
  /** Set when jobs are signed: the worker then runs only jobs whose signature verifies. */
  readonly signer: JobSigner | undefined;
}

const internals = new WeakMap<WebhookQueue, QueueInternals>();

export function internalsOf(queue: WebhookQueue): QueueInternals {
  const found = internals.get(queue);
  if (found === undefined) {
    throw new TypeError(
      '@authhooks/queue: createWorker needs the queue returned by webhookQueue({ connection }) from @authhooks/queue.',
    );
  }
  return found;
}

const defaultName = 'authhooks';
const defaultPrefix = 'bull';

/** On PostgreSQL before BullMQ's tables exist: what to run. */
function missingTables(error: unknown): string {
  return (error as { name?: unknown } | null)?.name === 'SchemaMigrationRequiredError'
    ? "; create BullMQ's tables first: await queue.migrate(), or `authhooks postgres migrate --queue`"
    : '';
}

/**
 * A BullMQ queue for webhook events: `webhook.enqueue(types, webhookQueue({ connection }))`.
 *
 *   const queue = webhookQueue({ connection: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' });
 */
export function webhookQueue(options: WebhookQueueOptions): WebhookQueue {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      '@authhooks/queue: webhookQueue takes an options object: webhookQueue({ connection }).',
    );
  }
  const name = checkName(options.name ?? defaultName);
  const onPostgres = options.postgres !== undefined;
  if (onPostgres && (options.connection !== undefined || options.prefix !== undefined)) {
    throw new TypeError(
      '@authhooks/queue: give webhookQueue either postgres (the jobs in PostgreSQL) or connection (in Redis), not both; prefix is for Redis only.',
    );
  }
  const prefix = onPostgres ? '' : checkPrefix(options.prefix ?? defaultPrefix);
  const connectTimeoutMs = wholeNumber(
    'connectTimeoutMs',
    options.connectTimeoutMs ?? 5_000,
    1,
    2 ** 31 - 1,
    ' of ms',
  );
  const signer = jobSigner(options.signingSecret, options.env ?? process.env);
  const backend = onPostgres
    ? postgresBackend(options.postgres)
    : redisBackend((options as RedisQueueOptions).connection, prefix);
  const logger = options.logger ?? consoleLogger({ bindings: { queue: name } });
  const producer = backend.producer(logger, `queue ${name}`);
  // Made on first use, and again after migrate(): on PostgreSQL, BullMQ checks its tables once per
  // queue object, so one used before its tables existed would fail for good.
  let current: Queue | undefined;
  const makeQueue = (): Queue => {
    const made: Queue = new TolerantQueue(
      name,
      {
        ...producer.options,
        ...(options.telemetry !== undefined && { telemetry: options.telemetry }),
        connection: producer.options.connection as never,
        defaultJobOptions: {
          removeOnComplete: { age: 86_400 },
          removeOnFail: false,
          ...options.defaultJobOptions,
          attempts: maxAttempts,
          backoff: { type: backoffType },
        },
      },
      producer.factory as never, // undefined: Redis, BullMQ's default backend
    );
    made.on('error', () => {}); // the connection's own listener reports outages once
    return made;
  };
  const bull = (): Queue => {
    current ??= makeQueue();
    return current;
  };
  let closing: Promise<void> | undefined;

  const connected = async () => {
    if (closing !== undefined) throw new Error(`queue ${name} is closed`);
    await producer.connected(connectTimeoutMs, () => bull().waitUntilReady());
  };
  const failedJob = async (id: string): Promise<Job> => {
    const jobId = toJobId(id);
    const job = await bull().getJob(jobId);
    if (job === undefined) throw new Error(`no job ${jobId} in queue ${name}`);
    const state = await job.getState();
    if (state !== 'failed') {
      throw new Error(`job ${jobId} is ${state}, not failed: only dead-lettered jobs are retried`);
    }
    return job;
  };

  const queue: WebhookQueue = {
    name,
    prefix,
    backend: backend.kind,
    get bullmq() {
      return bull();
    },
    async add(job, enqueueOptions = {}) {
      if (closing !== undefined) throw new Error(`queue ${name} is closed`);
      const down = producer.unreachable();
      if (down !== undefined) throw new Error(down);
      const { delayMs } = enqueueOptions;
      const jobId = jobIdOf(job.provider, job.id);
      const data = signer === undefined ? job : { ...job, signature: signer.sign(jobId, job) };
      try {
        await bull().add(job.type, data, {
          jobId,
          ...(delayMs !== undefined && delayMs > 0 && { delay: delayMs }),
        });
      } catch (error) {
        throw new Error(
          `${backend.label} at ${backend.address} did not take the job (${describeError(error).message})${missingTables(error)}`,
        );
      }
    },
    async failed(range = {}) {
      await connected();
      const start = range.start ?? 0;
      const end = range.end ?? start + 99;
      const jobs = await bull().getFailed(start, end);
      return jobs.filter((job) => job !== undefined && job !== null).map(deadLetterOf);
    },
    async retry(id) {
      await connected();
      const job = await failedJob(id);
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    },
    async retryAll() {
      await connected();
      // A snapshot of the ids first: a re-driven job that fails again must not be retried twice here.
      const ids: string[] = [];
      for (let start = 0; ; start += 500) {
        const page = await bull().getFailed(start, start + 499);
        ids.push(...page.filter((job) => job?.id !== undefined).map((job) => String(job.id)));
        if (page.length < 500) break;
      }
      let retried = 0;
      for (const id of new Set(ids)) {
        const job = await bull().getJob(id);
        if (job === undefined || (await job.getState()) !== 'failed') continue;
        try {
          await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
          retried++;
        } catch (error) {
          if ((await job.getState()) === 'failed') throw error; // otherwise someone else re-drove it
        }
      }
      return retried;
    },
    async counts() {
      await connected();
      const counts = await bull().getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
      return {
        waiting: counts.waiting ?? 0,
        active: counts.active ?? 0,
        delayed: counts.delayed ?? 0,
        completed: counts.completed ?? 0,
        failed: counts.failed ?? 0,
      };
    },
    async migrate() {
      if (backend.kind !== 'postgres') return;
      await migratePostgres(options.postgres as PostgresConnection);
      const used = current;
      current = undefined;
      await used?.close().catch(() => {});
    },
    close() {
      closing ??= (async () => {
        await current?.close().catch(() => {});
        producer.close();
      })();
      return closing;
    },
  };
  internals.set(queue, { backend, logger, signer });
  return queue;
}
