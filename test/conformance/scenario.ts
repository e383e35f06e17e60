import {
  type EventQueue,
  type HandlerContext,
  type IdempotencyStore,
  memoryStore,
  type SchemaIssue,
  silentLogger,
  WebhookRejection,
  type WebhookRoutes,
} from '@authhooks/core';
import type { FusionAuthContext, FusionAuthEventMap, FusionWebhookOptions } from '@authhooks/fusionauth';
import type { TestRequest } from './client.js';

/** What a test registers handlers on: the same `.on/.onAny/.onError` surface in every adapter. */
export interface Routes extends WebhookRoutes<FusionAuthEventMap, FusionAuthContext, Routes> {}

export const authorization = 'conformance-authorization-value';
export const basicCredentials = Object.freeze({ username: 'fusionauth', password: 's3cret:pass' });
export const basicAuthorization = `Basic ${btoa(`${basicCredentials.username}:${basicCredentials.password}`)}`;
export const hmacSecret = 'conformance-hmac-secret';
/** What a handler throws; never in an answer. */
export const handlerSecret = 'db password hunter2 rejected';

export const json = Object.freeze({ 'content-type': 'application/json' });
export const authed = Object.freeze({ ...json, authorization });

/** An authenticated JSON POST of `body`; `headers` override the defaults (`undefined` drops one). */
export function delivery(
  body: string | Uint8Array,
  headers: Readonly<Record<string, string | undefined>> = {},
): TestRequest & { readonly headers: Readonly<Record<string, string>> } {
  const merged: Record<string, string | undefined> = { ...authed, ...headers };
  const present = Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return { method: 'POST', headers: Object.fromEntries(present), body };
}

/** What a handler saw, recorded per event id. */
export interface Seen {
  readonly type: string;
  readonly userId: unknown;
  readonly email: unknown;
  readonly transactional: boolean;
  readonly schemaIssues: readonly SchemaIssue[];
  readonly rawEvent: unknown;
  /** Set for a handler that waited for the deadline: whether `ctx.signal` was aborted. */
  aborted?: boolean;
}

/** Holds a handler open (to provoke `in_progress`) until the test releases it. */
export interface Gate {
  readonly entered: Promise<void>;
  release(): void;
}

/** The handlers' side of one mounted webhook: what they saw and the gates that hold them. */
export class World {
  readonly #seen = new Map<string, Seen[]>();
  readonly #gates = new Map<string, Gate & { enter(): Promise<void> }>();
  /** Event ids handed to the queue (`.enqueue`), in order. */
  readonly queued: string[] = [];
  /** An in-memory queue that keeps what it is given. */
  readonly queue: EventQueue = {
    name: 'conformance-queue',
    add: async (job) => {
      this.queued.push(job.id);
    },
  };

  /** Every handler run for this event id, in order. */
  seen(eventId: string): readonly Seen[] {
    return this.#seen.get(eventId) ?? [];
  }

  record(eventId: string, seen: Seen): Seen {
    const list = this.#seen.get(eventId) ?? [];
    list.push(seen);
    this.#seen.set(eventId, list);
    return seen;
  }

  /** The next handler run for `eventId` waits until `release()`. */
  hold(eventId: string): Gate {
    let entered!: () => void;
    let release!: () => void;
    const gate = {
      entered: new Promise<void>((resolve) => {
        entered = resolve;
      }),
      release: () => release(),
      released: new Promise<void>((resolve) => {
        release = resolve;
      }),
      enter() {
        entered();
        return this.released;
      },
    };
    this.#gates.set(eventId, gate);
    return gate;
  }

  wait(eventId: string): Promise<void> {
    return this.#gates.get(eventId)?.enter() ?? Promise.resolve();
  }
}

interface AnyEvent {
  readonly id: string;
  readonly type: string;
  readonly user?: { readonly id?: unknown; readonly email?: unknown } | null | undefined;
}

/**
 * The handlers every mount gets; the event type (and the email) decides the outcome:
 * - `user.delete`, `user.create.complete`, `user.two-factor.failed-attempt` → handled
 * - `user.registration.create` → rejected: `…@blocked.example` 422, `taken@…` 409 (ctx.reject),
 *   `banned@…` 403 (a thrown WebhookRejection), anyone else handled
 * - `user.update` → throws (handler_error) · `user.deactivate` → outlives the deadline (timeout)
 * - `user.reactivate` → waits on `world.hold(id)` (in_progress)
 * - `user.create` and every other type → no handler (ignored)
 *
 * `user.registration.create` is also handed to a queue, registered before the veto on purpose: the
 * hand-off must happen only once every inline handler succeeded, whatever the order.
 */
export function registerScenario(routes: Routes, world: World): void {
  routes.enqueue('user.registration.create', world.queue, { allowTransactional: true });
  const record = (event: AnyEvent, ctx: HandlerContext<FusionAuthContext>) =>
    world.record(event.id, {
      type: event.type,
      userId: event.user?.id,
      email: event.user?.email,
      transactional: ctx.transactional,
      schemaIssues: ctx.schemaIssues,
      rawEvent: ctx.rawEvent,
    });
  routes
    .on(['user.delete', 'user.create.complete', 'user.two-factor.failed-attempt'], (event, ctx) => {
      record(event, ctx);
    })
    .on('user.registration.create', (event, ctx) => {
      record(event, ctx);
      const email = event.user.email ?? '';
      if (email.endsWith('@blocked.example')) ctx.reject('registration not allowed for this domain');
      if (email.startsWith('taken@')) ctx.reject('username taken', 409);
      if (email.startsWith('banned@')) throw new WebhookRejection('banned', 403);
    })
    .on('user.update', (event, ctx) => {
      record(event, ctx);
      throw new Error(handlerSecret);
    })
    .on('user.deactivate', (event, ctx) => {
      const seen = record(event, ctx);
      return new Promise<void>((resolve) =>
        ctx.signal.addEventListener('abort', () => {
          seen.aborted = ctx.signal.aborted;
          resolve();
        }),
      );
    })
    .on('user.reactivate', async (event, ctx) => {
      record(event, ctx);
      await world.wait(event.id);
    });
}

/** Event ids starting with this find the idempotency store down. */
export const storeDownPrefix = 'store-down';

/** A memory store that is down for the event ids starting with `storeDownPrefix`. */
export function storeWithOutage(): IdempotencyStore {
  const inner = memoryStore();
  return {
    reserve: (key, token) =>
      key.includes(`:${storeDownPrefix}`)
        ? Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379'))
        : inner.reserve(key, token),
    complete: (key, token) => inner.complete(key, token),
    release: (key, token, verdict) => inner.release(key, token, verdict),
    settled: (key, signal) => inner.settled?.(key, signal) ?? Promise.resolve({ state: 'released' }),
  };
}

/** What the named servers need from the test run. */
export interface Environment {
  /** A JWKS endpoint that answers 503. */
  readonly jwksDownUrl: string;
}

/** Options of one mounted webhook beyond what every one gets (a quiet logger, an idempotency store). */
export type Variant = (env: Environment | undefined) => FusionWebhookOptions;

/** The webhooks the table mounts, by name. Rows say which one they need (default: `default`). */
export const variants = {
  default: () => ({ authorization }),
  'small limit': () => ({ authorization, maxBodyBytes: 1024 }),
  'short deadline': () => ({ authorization, timeoutMs: 150 }),
  'short body timeout': () => ({ authorization, bodyTimeoutMs: 200 }),
  'tenant and application filters': () => ({
    authorization,
    tenantIds: ['tenant-a'],
    applicationIds: ['app-a'],
  }),
  "unhandled: 'reject'": () => ({ authorization, unhandled: 'reject', tenantIds: ['tenant-a'] }),
  "validation: 'strict'": () => ({ authorization, validation: 'strict' }),
  'responses: handled 202, rejected 400': () => ({
    authorization,
    responses: { handled: 202, rejected: 400 },
  }),
  'responses: handled 204': () => ({ authorization, responses: { handled: 204 } }),
  'HTTP Basic': () => ({ basicAuth: basicCredentials }),
  'signed (HMAC key)': () => ({ signature: { hmacSecret } }),
  'signed (JWKS down)': (env) => {
    if (env === undefined) throw new Error('the JWKS-down webhook needs the URL of a JWKS that is down');
    return { signature: { jwksUrl: env.jwksDownUrl } };
  },
} as const satisfies Record<string, Variant>;

export type VariantName = keyof typeof variants;

/** The options of a named webhook, with a fresh idempotency store and a quiet logger. */
export function optionsOf(name: VariantName = 'default', env?: Environment): FusionWebhookOptions {
  return { logger: silentLogger, idempotency: storeWithOutage(), ...variants[name](env) };
}
