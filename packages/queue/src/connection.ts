import { describeError, type Logger, safeLog } from '@authhooks/core';
import { Redis, type RedisOptions } from 'ioredis';

/**
 * Where the queue's Redis is: a URL (`redis://…`, `rediss://…`), ioredis options, or an ioredis client
 * whose settings are copied (`duplicate()`); the client you pass stays yours and is never used or closed.
 */
export type Connection = string | URL | RedisOptions | Redis;

/**
 * `disconnectTimeout`: how long ioredis waits for a socket to close before destroying it; its 2 s
 * default also holds a process that closes while Redis is unreachable (the socket is gone already).
 *
 * The producer must fail fast: `add` answers the provider, and a delivery that waits on a dead Redis
 * only waits for the deadline. No offline queue (a command while disconnected fails at once), one
 * retry for a command in flight when the connection drops, and a bound on a Redis that hangs.
 */
const producerSettings = {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  commandTimeout: 5_000,
  connectTimeout: 5_000,
  disconnectTimeout: 500,
} satisfies RedisOptions;

/**
 * A worker must wait and reconnect instead: BullMQ's blocking fetch (on a duplicate of this client) needs
 * `maxRetriesPerRequest: null`. Not lazy: a lazy client's first failed connect would fail the worker for
 * good when Redis is down at start; an eager one waits for Redis to come.
 */
const workerSettings = {
  enableOfflineQueue: true,
  maxRetriesPerRequest: null,
  lazyConnect: false,
  disconnectTimeout: 500,
} satisfies RedisOptions;

export interface ConnectionSource {
  /** `host:port` (or the socket path), never the password: for logs and error messages. */
  readonly address: string;
  producer(): Redis;
  worker(): Redis;
}

export function connectionSource(connection: Connection): ConnectionSource {
  const make = connectionFactory(connection);
  const probe = make({ lazyConnect: true });
  const options = probe.options;
  probe.disconnect();
  if (options.keyPrefix) {
    throw new TypeError(
      `@authhooks/queue: the connection sets ioredis keyPrefix "${options.keyPrefix}", which BullMQ does not support; ` +
        'use webhookQueue({ prefix }) instead.',
    );
  }
  return {
    address: options.path ? options.path : `${options.host ?? '127.0.0.1'}:${options.port ?? 6379}`,
    producer: () => make(producerSettings),
    worker: () => make(workerSettings),
  };
}

function connectionFactory(connection: Connection): (settings: RedisOptions) => Redis {
  if (typeof connection === 'string' || connection instanceof URL) {
    const url = String(connection);
    if (!/^rediss?:\/\//i.test(url)) {
      throw new TypeError(
        `@authhooks/queue: connection "${redactUrl(url)}" is not a Redis URL; give redis://host:port (or rediss:// for TLS), ` +
          'ioredis options ({ host, port }) or an ioredis client.',
      );
    }
    return (settings) => new Redis(url, legacyReplies(settings));
  }
  if (isIoredisClient(connection)) return (settings) => connection.duplicate(settings);
  if (typeof connection === 'object' && connection !== null && !Array.isArray(connection)) {
    if (typeof (connection as { sendCommand?: unknown }).sendCommand === 'function') {
      throw new TypeError(
        '@authhooks/queue: connection looks like a node-redis client; give a Redis URL, ioredis options or an ioredis client.',
      );
    }
    return (settings) => new Redis(legacyReplies({ ...connection, ...settings }));
  }
  throw new TypeError(
    '@authhooks/queue: webhookQueue needs a connection: a Redis URL (process.env.REDIS_URL), ioredis options ({ host, port }) or an ioredis client.',
  );
}

/**
 * ioredis 6 can map replies to RESP3 types (`replyMapping`); BullMQ reads the classic shapes, so the
 * clients made here keep ioredis' default. Dropping the key also lets the same code compile against the
 * types of ioredis 5 (no such option) and 6 (whose constructors refuse an explicit `undefined` there).
 */
function legacyReplies(options: RedisOptions): Omit<RedisOptions, 'replyMapping'> {
  const { replyMapping: _dropped, ...rest } = options as RedisOptions & { replyMapping?: unknown };
  return rest;
}

function isIoredisClient(value: unknown): value is Redis {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Redis).duplicate === 'function' &&
    typeof (value as Redis).defineCommand === 'function' &&
    typeof (value as Redis).options === 'object'
  );
}

/** A connection URL as it may be printed: whatever is before `@` (user, password) replaced by ***. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}

/**
 * Logs a connection's outages once each (not one line per reconnection attempt) and its recovery.
 * ioredis needs an `error` listener anyway, or it prints every failure itself.
 */
export function reportOutages(client: Redis, logger: Logger, what: string, address: string): void {
  let down = false;
  client.on('error', (error: unknown) => {
    if (down) return;
    down = true;
    safeLog(logger, 'warn', { err: describeError(error), redis: address }, `${what}: Redis unreachable`);
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    safeLog(logger, 'info', { redis: address }, `${what}: Redis reachable again`);
  });
}

/** Waits until the client is connected, or rejects after `timeoutMs` saying why it could not connect. */
export function whenConnected(client: Redis, address: string, timeoutMs: number): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  if (client.status === 'wait') client.connect().catch(() => {});
  return new Promise((resolve, reject) => {
    let lastError: unknown;
    const onError = (error: unknown) => {
      lastError = error;
    };
    const finish = () => {
      clearTimeout(timer);
      client.off('ready', onReady);
      client.off('error', onError);
    };
    const onReady = () => {
      finish();
      resolve();
    };
    const timer = setTimeout(() => {
      finish();
      const why = lastError === undefined ? `status ${client.status}` : describeError(lastError).message;
      reject(new Error(`cannot reach Redis at ${address} within ${timeoutMs} ms (${why})`));
    }, timeoutMs);
    client.on('ready', onReady);
    client.on('error', onError);
  });
}
