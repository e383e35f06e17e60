import {
  consoleLogger,
  describeError,
  type EnqueueOptions,
  type EventQueue,
  type Logger,
  type QueuedEvent,
} from '@authhooks/core';
import type { DefaultJobOptions, Job, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import {
  type Connection,
  type ConnectionSource,
  connectionSource,
  reportOutages,
  whenConnected,
} from './connection.js';
import { type DeadLetter, deadLetterOf } from './dead-letter.js';
import { jobIdOf, toJobId } from './job-id.js';
import { type JobSigner, jobSigner } from './job-signature.js';
import { checkName, checkPrefix, wholeNumber } from './options.js';
import { backoffType, maxAttempts } from './retry-policy.js';
import { TolerantQueue } from './tolerant-job.js';

/** BullMQ job options the queue lets you set; id, delay, attempts and backoff are authhooks' own. */
export type JobOptions = Omit<DefaultJobOptions, 'delay' | 'attempts' | 'backoff' | 'timestamp'>;

export interface WebhookQueueOptions {
  readonly connection: Connection;
  /** The BullMQ queue name; workers use the same. Default `authhooks`. */
  readonly name?: string;
  /** The BullMQ key prefix. Default `bull`. */
  readonly prefix?: string;
  /**
   * Merged over the defaults: completed jobs kept 24 h (`removeOnComplete: { age: 86400 }`) so a late
   * duplicate delivery still finds its job, failed jobs kept until retried or removed (`removeOnFail: false`).
   */
  readonly defaultJobOptions?: JobOptions;
  /** Default: the console logger of `@authhooks/core` (JSON lines on stderr). */
  readonly logger?: Logger;
  /** How long `failed`, `retry`, `retryAll` and `counts` wait for a connection to Redis. Default 5000. */
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
}

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
  readonly prefix: string;
  /**
   * Adds the event as job `<provider>.<event id>` (a second add of the same event is a no-op). Resolves
   * once Redis has it; rejects at once while Redis is unreachable.
   */
  add(job: QueuedEvent, options?: EnqueueOptions): Promise<void>;
  /** Jobs that failed for good, newest first; `start`/`end` are inclusive indexes (default 0…99). */
  failed(range?: { readonly start?: number; readonly end?: number }): Promise<DeadLetter[]>;
  /** Re-drives one dead-lettered job with a fresh set of attempts; `id` as listed, or `<provider>:<event id>`. */
  retry(id: string): Promise<void>;
  /** Re-drives every dead-lettered job; resolves with how many. */
  retryAll(): Promise<number>;
  counts(): Promise<QueueCounts>;
  /** Closes its Redis connection. Workers made from it are closed separately. */
  close(): Promise<void>;
  /** The BullMQ queue underneath (for dashboards such as bull-board, or anything BullMQ offers). */
  readonly bullmq: Queue;
}

/** What a worker made from a queue needs: the same Redis, name and prefix. */
export interface QueueInternals {
  readonly source: ConnectionSource;
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
const unreachable = new Set(['reconnecting', 'close', 'end']);

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
  const prefix = checkPrefix(options.prefix ?? defaultPrefix);
  const connectTimeoutMs = wholeNumber(
    'connectTimeoutMs',
    options.connectTimeoutMs ?? 5_000,
    1,
    2 ** 31 - 1,
    ' of ms',
  );
  const signer = jobSigner(options.signingSecret, options.env ?? process.env);
  const source = connectionSource(options.connection);
  const logger = options.logger ?? consoleLogger({ bindings: { queue: name } });
  const client: Redis = source.producer();
  reportOutages(client, logger, `queue ${name}`, source.address);
  const bullmq: Queue = new TolerantQueue(name, {
    connection: client,
    prefix,
    // The worker checks the Redis version; here a failed check would leave the queue unusable for good.
    skipVersionCheck: true,
    defaultJobOptions: {
      removeOnComplete: { age: 86_400 },
      removeOnFail: false,
      ...options.defaultJobOptions,
      attempts: maxAttempts,
      backoff: { type: backoffType },
    },
  });
  bullmq.on('error', () => {}); // the connection's own listener reports outages once
  let closing: Promise<void> | undefined;

  const connected = async () => {
    if (closing !== undefined) throw new Error(`queue ${name} is closed`);
    await whenConnected(client, source.address, connectTimeoutMs);
  };
  const failedJob = async (id: string): Promise<Job> => {
    const jobId = toJobId(id);
    const job = await bullmq.getJob(jobId);
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
    bullmq,
    async add(job, enqueueOptions = {}) {
      if (closing !== undefined) throw new Error(`queue ${name} is closed`);
      if (unreachable.has(client.status)) {
        throw new Error(`Redis at ${source.address} is unreachable (${client.status})`);
      }
      const { delayMs } = enqueueOptions;
      const jobId = jobIdOf(job.provider, job.id);
      const data = signer === undefined ? job : { ...job, signature: signer.sign(jobId, job) };
      try {
        await bullmq.add(job.type, data, {
          jobId,
          ...(delayMs !== undefined && delayMs > 0 && { delay: delayMs }),
        });
      } catch (error) {
        throw new Error(`Redis at ${source.address} did not take the job (${describeError(error).message})`);
      }
    },
    async failed(range = {}) {
      await connected();
      const start = range.start ?? 0;
      const end = range.end ?? start + 99;
      const jobs = await bullmq.getFailed(start, end);
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
        const page = await bullmq.getFailed(start, start + 499);
        ids.push(...page.filter((job) => job?.id !== undefined).map((job) => String(job.id)));
        if (page.length < 500) break;
      }
      let retried = 0;
      for (const id of new Set(ids)) {
        const job = await bullmq.getJob(id);
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
      const counts = await bullmq.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
      return {
        waiting: counts.waiting ?? 0,
        active: counts.active ?? 0,
        delayed: counts.delayed ?? 0,
        completed: counts.completed ?? 0,
        failed: counts.failed ?? 0,
      };
    },
    close() {
      closing ??= (async () => {
        await bullmq.close().catch(() => {});
        client.disconnect();
      })();
      return closing;
    },
  };
  internals.set(queue, { source, logger, signer });
  return queue;
}
