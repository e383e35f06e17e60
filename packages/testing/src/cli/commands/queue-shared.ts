import { silentLogger } from '@authhooks/core';
import type { Invocation } from '../command.js';
import type { CliIo } from '../io.js';
import { type SecretSource, secretOption, secretOptions } from '../secrets.js';
import { importOptional, redactUrl, stringOption } from '../values.js';

/** The queue's Redis URL may hold a password: read like any secret, with REDIS_URL as its variable. */
const redisSecret: SecretSource = { name: 'redis', env: 'REDIS_URL' };

type QueuePackage = typeof import('@authhooks/queue');
type WebhookQueue = ReturnType<QueuePackage['webhookQueue']>;

export const installHint = 'npm i @authhooks/queue ioredis';

/** The options every `queue` command takes, and their help lines. */
export const queueOptions = {
  ...secretOptions(redisSecret),
  name: { type: 'string' },
  prefix: { type: 'string' },
} as const;

export const queueOptionsHelp = `  --redis <url>            the queue's Redis (default: $REDIS_URL, else redis://127.0.0.1:6379); with a
                           password, prefer REDIS_URL or --redis-file <path>: arguments show in ps
  --name <queue>           the queue name given to webhookQueue (default authhooks)
  --prefix <prefix>        the BullMQ key prefix given to webhookQueue (default bull)`;

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
  const redis = (await secretOption(invocation, io, redisSecret)) ?? 'redis://127.0.0.1:6379';
  const name = stringOption(invocation, 'name');
  const prefix = stringOption(invocation, 'prefix');
  const queue = webhookQueue({
    connection: redis,
    logger: silentLogger,
    connectTimeoutMs: 3_000,
    ...(name !== undefined && { name }),
    ...(prefix !== undefined && { prefix }),
  });
  try {
    return await work(queue, `queue ${queue.name} at ${redactUrl(redis)}`);
  } catch (error) {
    const message = (error as Error)?.message ?? String(error);
    if (!message.startsWith('cannot reach Redis')) throw error;
    throw new Error(`${message}; give the queue's Redis with --redis <url> or REDIS_URL`);
  } finally {
    await queue.close();
  }
}
