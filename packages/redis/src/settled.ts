import { type SettledHub, settledHub, settlementMessage } from '@authhooks/core';
import { nodeRedisCommands, type ScriptRunner } from './client.js';
import { stateScript } from './scripts.js';

/**
 * Waiting copies across instances: `complete` and `release` publish on one channel per store, in the
 * same Lua step as the change; the hub (core) keeps one subscriber connection open while anyone waits.
 */
export interface RedisSettledHub extends SettledHub {
  readonly channel: string;
}

/** What the hub needs of a subscriber connection, whichever library made it. */
interface Subscriber {
  subscribe(channel: string, onMessage: (message: string) => void): Promise<void>;
  close(): void;
}

export const message = settlementMessage;

export function redisSettledHub(client: unknown, redis: ScriptRunner, prefix: string): RedisSettledHub {
  const channel = `${prefix}settled`;
  const hub = settledHub({
    async listen(onMessage) {
      const opened = await openSubscriber(client);
      if (opened === undefined) return undefined;
      try {
        await opened.subscribe(channel, onMessage);
      } catch (error) {
        opened.close();
        throw error;
      }
      return opened;
    },
    async check(key) {
      const state = String(await redis.run(stateScript, prefix + key, []));
      return state === 'handled' || state === 'free' ? state : 'held';
    },
  });
  return { channel, wait: hub.wait };
}

/** A second connection like the client's, for SUBSCRIBE (a connection that subscribes can do nothing else). */
async function openSubscriber(client: unknown): Promise<Subscriber | undefined> {
  const source = client as { duplicate?: () => unknown; status?: unknown; isOpen?: unknown };
  if (typeof source.duplicate !== 'function') return undefined;
  if (typeof source.status === 'string') return ioredisSubscriber(source.duplicate() as IoredisLike);
  if (typeof source.isOpen === 'boolean') return nodeRedisSubscriber(source.duplicate() as NodeRedisLike);
  return undefined;
}

interface IoredisLike {
  readonly status: string;
  connect(): Promise<void>;
  subscribe(channel: string): Promise<unknown>;
  on(event: 'message', listener: (channel: string, message: string) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  disconnect(): void;
}

async function ioredisSubscriber(sub: IoredisLike): Promise<Subscriber> {
  sub.on('error', () => {}); // reported by the app's own client; the waiters fall back to re-checks
  try {
    if (sub.status === 'wait') await sub.connect();
  } catch (error) {
    sub.disconnect();
    throw error;
  }
  return {
    async subscribe(channel, onMessage) {
      sub.on('message', (from, text) => {
        if (from === channel) onMessage(text);
      });
      await sub.subscribe(channel);
    },
    close: () => sub.disconnect(),
  };
}

interface NodeRedisLike {
  connect(): Promise<unknown>;
  subscribe(channel: string, listener: (message: string) => void): Promise<unknown>;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  destroy?(): void;
  disconnect?(): Promise<void>;
}

async function nodeRedisSubscriber(sub: NodeRedisLike): Promise<Subscriber> {
  sub.on('error', () => {});
  const close = () => {
    if (typeof sub.destroy === 'function') sub.destroy();
    else void sub.disconnect?.().catch(() => {});
  };
  try {
    await sub.connect();
  } catch (error) {
    close();
    throw error;
  }
  // A node-redis 4 client in legacyMode keeps its promise API (and listener-style subscribe) under .v4.
  const api = nodeRedisCommands(sub);
  return {
    async subscribe(channel, onMessage) {
      await api.subscribe(channel, onMessage);
    },
    close,
  };
}
