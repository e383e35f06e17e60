import type { Script } from './scripts.js';

/** What the store uses of an ioredis `Redis` or `Cluster`. */
export interface IoredisClient {
  readonly status: string;
  evalsha(sha: string, numkeys: number, ...keysAndArgs: (string | number)[]): Promise<unknown>;
  eval(script: string, numkeys: number, ...keysAndArgs: (string | number)[]): Promise<unknown>;
}

interface NodeRedisScriptArguments {
  keys: string[];
  arguments: string[];
}

/** What the store uses of a node-redis (v4 or later) client or cluster, from `createClient`/`createCluster`. */
export interface NodeRedisClient {
  readonly isOpen: boolean;
  evalSha(sha: string, options: NodeRedisScriptArguments): Promise<unknown>;
  eval(script: string, options: NodeRedisScriptArguments): Promise<unknown>;
}

export type RedisClient = IoredisClient | NodeRedisClient;

/** The store could not reach Redis: the client says it has no connection right now. */
export class RedisNotConnectedError extends Error {
  override readonly name = 'RedisNotConnectedError';
}

/** Runs the store's scripts on one client, whichever library it comes from. */
export interface ScriptRunner {
  /** `keys`: one key, or several in the same hash slot (Redis Cluster). */
  run(script: Script, keys: string | readonly string[], args: readonly string[]): Promise<unknown>;
}

const keyList = (keys: string | readonly string[]): string[] =>
  typeof keys === 'string' ? [keys] : [...keys];

const usage =
  'Pass an ioredis client (`new Redis(process.env.REDIS_URL)`) or a connected node-redis client ' +
  '(`await createClient({ url: process.env.REDIS_URL }).connect()`).';

/** Tells an ioredis client from a node-redis one by what each has, and refuses anything else. */
export function scriptRunner(client: unknown): ScriptRunner {
  if (client === undefined || client === null) {
    throw new TypeError(`authhooks: redisStore needs a Redis client in \`client\`. ${usage}`);
  }
  if (typeof client === 'string' || client instanceof URL) {
    throw new TypeError(
      `authhooks: redisStore \`client\` must be a Redis client, not a URL: create the client from the URL yourself. ${usage}`,
    );
  }
  if (isIoredis(client)) return ioredisRunner(client);
  if (isNodeRedis(client)) return nodeRedisRunner(nodeRedisCommands(client), client);
  throw new TypeError(
    `authhooks: redisStore \`client\` is not an ioredis or node-redis (v4 or later) client (got ${describeValue(client)}). ${usage}` +
      (hasMethod(client, 'evalsha')
        ? ' Callback-style clients (node-redis 3 and earlier) are not supported.'
        : ''),
  );
}

function ioredisRunner(client: IoredisClient): ScriptRunner {
  let seenReady = client.status === 'ready';
  const assertConnected = () => {
    const { status } = client;
    if (status === 'ready') seenReady = true;
    else assertIoredisMayConnect(status, seenReady);
  };
  return {
    run: (script, keys, args) => {
      const list = keyList(keys);
      if (script.bySource === true) {
        assertConnected();
        return client.eval(script.source, list.length, ...list, ...args);
      }
      return withScriptFallback(
        () => {
          assertConnected();
          return client.evalsha(script.sha, list.length, ...list, ...args);
        },
        () => client.eval(script.source, list.length, ...list, ...args),
      );
    },
  };
}

/**
 * ioredis queues commands while it (re)connects, by default for up to 20 reconnection attempts per
 * command. The store refuses at once instead when the connection is known to be lost. It lets commands
 * through before the client was ever ready (`wait` with lazyConnect, the first `connecting`), since a
 * lazy client only connects when the first command asks it to.
 */
function assertIoredisMayConnect(status: string, seenReady: boolean) {
  if (status === 'end') {
    throw new RedisNotConnectedError(
      'authhooks: the ioredis client was closed (quit/disconnect); give redisStore a client that stays open.',
    );
  }
  const firstConnection =
    status === 'wait' || ((status === 'connecting' || status === 'connect') && !seenReady);
  if (!firstConnection) {
    throw new RedisNotConnectedError(`authhooks: Redis is not connected (ioredis status '${status}').`);
  }
}

function nodeRedisRunner(commands: NodeRedisClient, client: NodeRedisClient): ScriptRunner {
  return {
    run: (script, keys, args) => {
      const options = { keys: keyList(keys), arguments: [...args] };
      if (script.bySource === true) {
        assertNodeRedisConnected(client);
        return commands.eval(script.source, options);
      }
      return withScriptFallback(
        () => {
          assertNodeRedisConnected(client);
          return commands.evalSha(script.sha, options);
        },
        () => commands.eval(script.source, options),
      );
    },
  };
}

/**
 * node-redis queues commands while it (re)connects, without limit unless `disableOfflineQueue`; the
 * store refuses at once instead. A client is usable once `await client.connect()` resolved.
 */
function assertNodeRedisConnected(client: NodeRedisClient) {
  if (!client.isOpen) {
    throw new RedisNotConnectedError(
      'authhooks: the node-redis client is not open: `await client.connect()` before receiving webhooks, and keep it open while the receiver runs.',
    );
  }
  const { isReady } = client as { isReady?: unknown }; // a cluster has only isOpen
  if (isReady === false) {
    throw new RedisNotConnectedError(
      'authhooks: Redis is not connected (the node-redis client is connecting or reconnecting).',
    );
  }
}

/** EVALSHA first; when Redis does not know the script (restarted, SCRIPT FLUSH, a new node), EVAL loads it again. */
async function withScriptFallback(evalsha: () => Promise<unknown>, evalSource: () => Promise<unknown>) {
  try {
    return await evalsha();
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('NOSCRIPT')) return evalSource();
    throw error;
  }
}

function isIoredis(client: object): client is IoredisClient {
  return (
    typeof (client as { status?: unknown }).status === 'string' &&
    hasMethod(client, 'evalsha') &&
    hasMethod(client, 'eval')
  );
}

function isNodeRedis(client: object): client is NodeRedisClient {
  return (
    typeof (client as { isOpen?: unknown }).isOpen === 'boolean' &&
    hasMethod(nodeRedisCommands(client), 'evalSha') &&
    hasMethod(nodeRedisCommands(client), 'eval')
  );
}

/** A node-redis 4 client in `legacyMode` keeps its promise API under `.v4` (whose getter throws otherwise). */
export function nodeRedisCommands<T extends object>(client: T): T {
  let v4: unknown;
  try {
    v4 = (client as { v4?: unknown }).v4;
  } catch {
    return client;
  }
  return typeof v4 === 'object' && v4 !== null ? (v4 as T) : client;
}

function hasMethod(value: object, name: string): boolean {
  return typeof (value as Record<string, unknown>)[name] === 'function';
}

function describeValue(value: unknown): string {
  if (typeof value !== 'object' || value === null) return typeof value;
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== 'Object' ? `an instance of ${name}` : 'a plain object';
}
