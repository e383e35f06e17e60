import type { Settlement, Verdict } from '@authhooks/core';
import { nodeRedisCommands, type ScriptRunner } from './client.js';
import { stateScript } from './scripts.js';

/**
 * Waiting copies across instances. `complete` and `release` publish on one channel per store, in the
 * same Lua step as the change; a copy that waits subscribes (one subscriber connection per store, open
 * only while someone waits), then checks the key once, so a message sent before it listened is not
 * missed. A slow re-check catches what sends no message: a lease that ran out after a crash.
 */
export interface SettledHub {
  readonly channel: string;
  wait(key: string, signal: AbortSignal): Promise<Settlement>;
}

/** What the hub needs of a subscriber connection, whichever library made it. */
interface Subscriber {
  subscribe(channel: string, onMessage: (message: string) => void): Promise<void>;
  close(): void;
}

const recheckMs = 1_000;
/** Without a subscriber (a client that cannot duplicate itself, or a failed subscribe): re-check more often. */
const unsubscribedRecheckMs = 100;

export function message(key: string, settlement: Settlement): string {
  return `${key}\n${JSON.stringify(settlement)}`;
}

export function settledHub(client: unknown, redis: ScriptRunner, prefix: string): SettledHub {
  const channel = `${prefix}settled`;
  const waiters = new Map<string, Set<(settlement: Settlement) => void>>();
  let subscribing: Promise<Subscriber | undefined> | undefined;
  let count = 0;

  const onMessage = (received: unknown) => {
    const text = String(received);
    const newline = text.indexOf('\n');
    if (newline < 0) return;
    const waiting = waiters.get(text.slice(0, newline));
    if (waiting === undefined) return;
    let settlement: Settlement;
    try {
      settlement = parseSettlement(JSON.parse(text.slice(newline + 1)));
    } catch {
      return;
    }
    for (const wake of [...waiting]) wake(settlement);
  };

  const subscriber = () => {
    subscribing ??= openSubscriber(client)
      .then(async (opened) => {
        if (opened === undefined) return undefined;
        await opened.subscribe(channel, onMessage);
        return opened;
      })
      .catch(() => undefined);
    return subscribing;
  };

  const leave = () => {
    count--;
    if (count > 0 || subscribing === undefined) return;
    const closing = subscribing;
    subscribing = undefined;
    void closing.then((opened) => opened?.close());
  };

  const check = async (key: string): Promise<Settlement | undefined> => {
    const state = String(await redis.run(stateScript, prefix + key, []));
    if (state === 'handled') return { state: 'handled' };
    if (state === 'free') return { state: 'released' };
    return undefined;
  };

  return {
    channel,
    wait(key, signal) {
      if (signal.aborted) return Promise.resolve({ state: 'in_progress' });
      count++;
      return new Promise<Settlement>((resolve, reject) => {
        let done = false;
        let timer: ReturnType<typeof setTimeout> | undefined;
        const finish = (settlement: Settlement | Error) => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          signal.removeEventListener('abort', onAbort);
          const waiting = waiters.get(key);
          waiting?.delete(finish);
          if (waiting?.size === 0) waiters.delete(key);
          leave();
          if (settlement instanceof Error) reject(settlement);
          else resolve(settlement);
        };
        const onAbort = () => finish({ state: 'in_progress' });
        signal.addEventListener('abort', onAbort, { once: true });
        const waiting = waiters.get(key) ?? new Set();
        waiters.set(key, waiting);
        waiting.add(finish);

        const recheck = (everyMs: number) => {
          if (done) return;
          check(key).then(
            (settlement) => {
              if (settlement !== undefined) return finish(settlement);
              if (!done) timer = setTimeout(() => recheck(everyMs), everyMs);
            },
            (error: unknown) => finish(error instanceof Error ? error : new Error(String(error))),
          );
        };
        void subscriber().then((opened) => recheck(opened === undefined ? unsubscribedRecheckMs : recheckMs));
      });
    },
  };
}

function parseSettlement(value: unknown): Settlement {
  const { state, verdict } = value as { state?: unknown; verdict?: Verdict };
  if (state === 'handled') return { state: 'handled' };
  if (state === 'released') {
    if (verdict === undefined || typeof verdict?.error !== 'string') return { state: 'released' };
    const status = typeof verdict.status === 'number' ? verdict.status : undefined;
    return { state: 'released', verdict: { status, error: verdict.error } };
  }
  throw new Error('not a settlement');
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
