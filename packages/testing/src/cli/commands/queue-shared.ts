import { silentLogger } from '@authhooks/core';
import { type Invocation, UsageError } from '../command.js';
import type { CliIo } from '../io.js';
import { type SecretSource, secretOption, secretOptions } from '../secrets.js';
import { importOptional, redactUrl, stringOption } from '../values.js';

/** The queue's Redis URL may hold a password: read like any secret, with REDIS_URL as its variable. */
const redisSecret: SecretSource = { name: 'redis', env: 'REDIS_URL' };
/** A queue on PostgreSQL is chosen explicitly: no variable, so REDIS_URL users are never switched. */
const postgresSecret: SecretSource = { name: 'postgres' };

type QueuePackage = typeof import('@authhooks/queue');
type WebhookQueue = ReturnType<QueuePackage['webhookQueue']>;

export const installHint = 'npm i @authhooks/queue ioredis';

/** The options every `queue` command takes, and their help lines. */
export const queueOptions = {
  ...secretOptions(redisSecret, postgresSecret),
  name: { type: 'string' },
  prefix: { type: 'string' },
} as const;

export const queueOptionsHelp = `  --redis <url>            the queue's Redis (default: $REDIS_URL, else redis://127.0.0.1:6379); with a
                           password, prefer REDIS_URL or --redis-file <path>: arguments show in ps
  --postgres <url>         the queue's PostgreSQL instead (webhookQueue({ postgres })); prefer
                           --postgres-file <path> or --postgres - (stdin) for a URL with a password
  --name <queue>           the queue name given to webhookQueue (default authhooks)
  --prefix <prefix>        the BullMQ key prefix given to webhookQueue (default bull; Redis only)`;

/**
 * `@authhooks/queue` is loaded only by the `queue` commands, so @authhooks/testing works without it
 * (and without BullMQ): it is an optional peer dependency.
 */
export function loadQueuePackage(): Promise<QueuePackage> {
  return importOptional(
    () => import('@authhooks/queue'),
    /@authhooks\/queue|bullmq|ioredis/,
    `the queue commands need @authhooks/queue (with BullMQ) and ioredis, which are not installed: ${installHint}`,
  );
}

/**
 * Runs `work` with the queue the options name, on the Redis they name, and closes it after. An unreachable
 * Redis is reported with the options that choose it.
 */
export async function withQueue<T>(
  invocation: Invocation,
  io: CliIo,
  work: (queue: WebhookQueue, where: string) => Promise<T>,
): Promise<T> {
  const { webhookQueue } = await loadQueuePackage();
  const postgres = await secretOption(invocation, io, postgresSecret);
  const redisGiven = stringOption(invocation, 'redis') ?? stringOption(invocation, 'redis-file');
  const name = stringOption(invocation, 'name');
  const prefix = stringOption(invocation, 'prefix');
  if (postgres !== undefined && (redisGiven !== undefined || prefix !== undefined)) {
    throw new UsageError('--postgres chooses a queue on PostgreSQL: give it without --redis and --prefix');
  }
  const common = { logger: silentLogger, connectTimeoutMs: 3_000, ...(name !== undefined && { name }) };
  const redis =
    postgres === undefined
      ? ((await secretOption(invocation, io, redisSecret)) ?? 'redis://127.0.0.1:6379')
      : '';
  const queue =
    postgres === undefined
      ? webhookQueue({ ...common, connection: redis, ...(prefix !== undefined && { prefix }) })
      : webhookQueue({ ...common, postgres });
  try {
    return await work(queue, `queue ${queue.name} at ${redactUrl(postgres ?? redis)}`);
  } catch (error) {
    const message = (error as Error)?.message ?? String(error);
    if (message.startsWith('cannot reach Redis')) {
      throw new Error(`${message}; give the queue's Redis with --redis <url> or REDIS_URL`);
    }
    if (message.startsWith('cannot reach PostgreSQL')) {
      throw new Error(`${message}; check the URL given with --postgres`);
    }
    throw error;
  } finally {
    await queue.close();
  }
}
