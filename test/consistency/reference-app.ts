/**
 * The reference app of the consistency test: it keeps its users in Postgres (PGlite) the way the README
 * teaches, in two flavours. `commit-aware` writes the user inline and lets onCommit/onRollback settle it;
 * `plain` has the inline `on()` handler only. Both answer over real HTTP on 127.0.0.1 and can drop the
 * `*.complete` deliveries of chosen users (a lost delivery: every attempt fails).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  connectionClosed,
  type IdempotencyStore,
  memoryStore,
  type PendingStore,
  silentLogger,
} from '@authhooks/core';
import { fusionReceiver } from '@authhooks/fusionauth';
import { PGlite } from '@electric-sql/pglite';

export type Flavour = 'commit-aware' | 'plain';

/** How the inline handler behaves for one user: its latency, whether it honours ctx.signal, a veto. */
export interface Behaviour {
  readonly latencyMs: number;
  readonly honoursSignal: boolean;
  readonly veto: boolean;
  /** Every delivery of this user's `*.complete` to this app fails. */
  readonly loseComplete: boolean;
}

export interface ReferenceApp {
  readonly url: string;
  readonly flavour: Flavour;
  /**
   * Replaces the receiver instances by new ones over the same stores and database, as a redeploy does:
   * the old ones stop sweeping (close), their memory is gone; what they left open is decided by the new.
   */
  restart(): Promise<void>;
  behave(userId: string, behaviour: Behaviour): void;
  /** The users the app has now. */
  users(): Promise<Set<string>>;
  /** Each side effect, counted: inline inserts, commits and rollbacks per user. */
  readonly effects: Map<string, { inline: number; commit: number; rollback: number }>;
  /** What happened to each user, in order, with milliseconds since the app started: for a failure's report. */
  readonly trace: Map<string, string[]>;
  note(userId: string, what: string): void;
  close(): Promise<void>;
}

export interface ReferenceAppOptions {
  readonly flavour: Flavour;
  readonly timeoutMs: number;
  readonly windowMs: number;
  /** What FusionAuth's API says (the simulator's committed users): the `confirm` of the commit-aware app. */
  readonly committed: (userId: string) => boolean;
  /**
   * The idempotency (and pending operations) store of each receiver instance; several instances share
   * the app's URL and take its requests in turn, as behind a load balancer. Default one memoryStore.
   */
  readonly stores?: () => readonly (IdempotencyStore & PendingStore)[];
}

const key = 'consistency-key';
export const authorization = key;
const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

export async function startReferenceApp(options: ReferenceAppOptions): Promise<ReferenceApp> {
  const db = await PGlite.create();
  await db.exec('CREATE TABLE users (id text PRIMARY KEY)');
  const behaviours = new Map<string, Behaviour>();
  const effects = new Map<string, { inline: number; commit: number; rollback: number }>();
  const trace = new Map<string, string[]>();
  const startedAt = Date.now();
  const note = (userId: string, what: string) => {
    const lines = trace.get(userId) ?? [];
    lines.push(`${Date.now() - startedAt} ${what}`);
    trace.set(userId, lines);
  };
  const count = (userId: string, what: 'inline' | 'commit' | 'rollback') => {
    const entry = effects.get(userId) ?? { inline: 0, commit: 0, rollback: 0 };
    entry[what]++;
    effects.set(userId, entry);
  };
  const insert = (id: string) =>
    db.query('INSERT INTO users (id) VALUES ($1) ON CONFLICT (id) DO NOTHING', [id]);

  const makeReceiver = (store: IdempotencyStore & PendingStore) => {
    const receiver = fusionReceiver({
      authorization: key,
      logger: silentLogger,
      timeoutMs: options.timeoutMs,
      idempotency: store,
      commit: {
        windowMs: options.windowMs,
        sweepMs: 25,
        confirm: (event) => {
          if (event.type !== 'user.create') return false;
          const committed = options.committed(event.user.id);
          note(event.user.id, `confirm: ${committed}`);
          return committed;
        },
      },
    }).on('user.create', async (event, ctx) => {
      const behaviour = behaviours.get(event.user.id);
      if (behaviour?.veto) ctx.reject('not allowed');
      await sleep(behaviour?.latencyMs ?? 0, behaviour?.honoursSignal ? ctx.signal : undefined);
      if (behaviour?.honoursSignal) ctx.signal.throwIfAborted();
      await insert(event.user.id);
      count(event.user.id, 'inline');
      note(event.user.id, 'inline insert');
    });
    if (options.flavour === 'commit-aware') {
      receiver
        .onCommit('user.create', async (event, info) => {
          await insert(event.user.id);
          count(event.user.id, 'commit');
          note(event.user.id, `onCommit (${info.decidedBy})`);
        })
        .onRollback('user.create', async (event, info) => {
          await db.query('DELETE FROM users WHERE id = $1', [event.user.id]);
          count(event.user.id, 'rollback');
          note(event.user.id, `onRollback (${info.decidedBy})`);
        });
    }
    return receiver;
  };
  const stores = options.stores ?? (() => [memoryStore()]);
  let receivers = stores().map(makeReceiver);
  let turn = 0;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const event = (
        JSON.parse(body.toString() || '{}') as { event?: { type?: string; user?: { id?: string } } }
      ).event;
      const userId = event?.user?.id ?? '';
      if (event?.type?.endsWith('.complete') && behaviours.get(userId)?.loseComplete) {
        note(userId, `${event.type} lost`);
        res.writeHead(503).end();
        return;
      }
      const receiver = receivers[turn++ % receivers.length] as (typeof receivers)[number];
      const answer = await receiver.receive({
        method: req.method ?? 'POST',
        headers: req.headers as Record<string, string>,
        body,
        closed: connectionClosed(res),
      });
      note(
        userId,
        `${event?.type} answered ${answer.status} ${answer.outcome}${res.destroyed ? ' (client gone)' : ''}`,
      );
      if (!res.destroyed) res.writeHead(answer.status, answer.headers).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/fusionauth-webhook`,
    flavour: options.flavour,
    behave: (userId, behaviour) => behaviours.set(userId, behaviour),
    async restart() {
      const old = receivers;
      receivers = stores().map(makeReceiver);
      await Promise.all(old.map((receiver) => receiver.close()));
    },
    async users() {
      const result = await db.query<{ id: string }>('SELECT id FROM users');
      return new Set(result.rows.map((row) => row.id));
    },
    effects,
    trace,
    note,
    async close() {
      await Promise.all(receivers.map((receiver) => receiver.close()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
