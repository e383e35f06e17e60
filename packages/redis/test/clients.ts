import { Redis } from 'ioredis';
import { Redis as Redis5 } from 'ioredis5';
import { createClient } from 'redis';
import { createClient as createClient4 } from 'redis4';
import type { RedisClient } from '../src/index.js';

/** A connected client of one library, with a raw command for checking what the store wrote. */
export interface Connected {
  readonly client: RedisClient;
  command(...args: string[]): Promise<unknown>;
  /** Whether the client believes its connection is up. */
  ready(): boolean;
  close(): Promise<void>;
}

export interface ClientKind {
  readonly name: string;
  readonly library: 'ioredis' | 'node-redis';
  /** Default settings as a user would start, plus `options` for the library's client. */
  connect(url: string, options?: Record<string, unknown>): Promise<Connected>;
}

const quiet = () => {}; // connection errors are what fault tests cause; an 'error' listener is required

const ioredis = (name: string, Client: typeof Redis): ClientKind => ({
  name,
  library: 'ioredis',
  async connect(url, options = {}) {
    const client = new Client(url, { ...options, lazyConnect: true });
    client.on('error', quiet);
    await client.connect();
    return {
      client,
      command: (...args) => client.call(args[0] as string, ...args.slice(1)),
      ready: () => client.status === 'ready',
      close: async () => client.disconnect(),
    };
  },
});

type NodeRedisFactory = (options: { url: string; legacyMode?: boolean }) => {
  on(event: 'error', listener: (error: unknown) => void): unknown;
  connect(): Promise<unknown>;
  disconnect(): Promise<void>;
  sendCommand(args: string[]): Promise<unknown>;
  readonly isReady: boolean;
};

const nodeRedis = (name: string, create: NodeRedisFactory, legacyMode?: boolean): ClientKind => ({
  name,
  library: 'node-redis',
  async connect(url, options = {}) {
    const client = create({ ...options, url, ...(legacyMode && { legacyMode }) });
    client.on('error', quiet);
    await client.connect();
    const commands = legacyMode ? (client as unknown as { v4: typeof client }).v4 : client;
    return {
      client: client as unknown as RedisClient,
      command: (...args) => commands.sendCommand(args),
      ready: () => client.isReady,
      close: () => client.disconnect(),
    };
  },
});

/** The libraries (and majors) the store is tested with. */
export const clientKinds: readonly ClientKind[] = [
  ioredis('ioredis 6', Redis),
  ioredis('ioredis 5', Redis5 as unknown as typeof Redis),
  nodeRedis('node-redis 5', createClient as unknown as NodeRedisFactory),
  nodeRedis('node-redis 4', createClient4 as unknown as NodeRedisFactory),
  nodeRedis('node-redis 4 (legacyMode)', createClient4 as unknown as NodeRedisFactory, true),
];
