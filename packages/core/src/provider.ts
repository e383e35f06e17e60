import type { Schema } from './schema/schema.js';
import type { Verifier } from './verify/types.js';

/** A parsed JSON object as it arrived: fields not yet validated. */
export type RawEvent = Readonly<Record<string, unknown>>;

/** Type name → validated event type. */
export type EventMap = { readonly [type: string]: object };

export type EventSchemas<TMap extends EventMap> = { readonly [K in keyof TMap]: Schema<TMap[K]> };

export type Located = { readonly event: RawEvent; readonly type: string } | { readonly problem: string };

/** Each extra handler-context field, computed only when a handler reads it. */
export type ContextFields<TContext extends object> = {
  readonly [K in keyof TContext]: (event: RawEvent, type: string) => TContext[K];
};

/**
 * What a provider's events are, without how they arrive: names, schemas, the extra handler-context
 * fields. A receiver's provider extends it; a queue worker, which receives events already verified,
 * needs only this.
 */
export interface EventCatalog<TMap extends EventMap = EventMap, TContext extends object = object> {
  readonly name: string;
  readonly schemas: EventSchemas<TMap>;
  /** Other spellings of a type, routed to the handlers of the canonical one. */
  readonly aliases?: Readonly<Record<string, keyof TMap & string>>;
  /** Extra fields of the handler context, each computed lazily from the event. */
  readonly context?: ContextFields<TContext>;
  /** Whether the provider may roll the operation back on a non-2xx answer (refuses queue hand-off of such types). */
  transactional?(type: string): boolean;
  /** How an operation's commit is confirmed (FusionAuth: the `*.complete` events); what `onCommit` needs. */
  readonly completion?: EventCompletion;
}

/**
 * The pairing of a transactional event with the event fired after its commit, and the object both
 * are about, so the second can be matched to the first.
 */
export interface EventCompletion {
  /** `user.create` → `user.create.complete`; undefined for a type with no such event. */
  completeTypeOf(type: string): string | undefined;
  /** `user.create.complete` → `user.create`; undefined for any other type. */
  baseTypeOf(type: string): string | undefined;
  /** The object an event of `type` (or of its `*.complete`) is about, e.g. the user id; undefined when absent. */
  objectKey(type: string, event: unknown): string | undefined;
}

/**
 * Everything provider-specific, as data plus a few small functions. The pipeline in core does the rest.
 * `TContext` is merged into every handler's `ctx` (FusionAuth adds `transactional`).
 */
export interface Provider<TMap extends EventMap = EventMap, TContext extends object = object>
  extends EventCatalog<TMap, TContext> {
  /** All of them must pass. Construction must throw when a provider would otherwise accept anyone. */
  readonly verifiers: readonly Verifier[];
  /** Set only when the user explicitly opted out of verification; otherwise no verifiers is a construction error. */
  readonly allowUnauthenticated?: boolean;
  /** Finds the event in the parsed JSON body (FusionAuth wraps it in `{ "event": … }`). */
  locate(body: unknown): Located;
  /** The idempotency key: FusionAuth's `event.id`; derived from the body where the provider sends none. */
  eventId(event: RawEvent, rawBody: Uint8Array): string | undefined | Promise<string | undefined>;
  /**
   * The handlers' deadline when the receiver sets no `timeoutMs`: a little below how long this provider
   * waits for an answer (FusionAuth's read timeout is usually 2 000 ms; Logto waits 10 s). Default 1 800.
   */
  readonly defaultTimeoutMs?: number;
  /** A reason to answer `ignored` before validation (tenant filter, a console test payload), or undefined. */
  exclude?(event: RawEvent, type: string): string | undefined;
}

/** Events of a type the provider does not (yet) know: they reach `onAny` only. */
export interface UnknownEvent {
  readonly type: string;
  readonly [field: string]: unknown;
}
