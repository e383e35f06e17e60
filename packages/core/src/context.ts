import type { Delivery } from './delivery.js';
import { WebhookRejection } from './errors.js';
import type { HeaderReader } from './http/headers.js';
import { childLogger, type Logger } from './logger.js';
import type { SchemaIssue } from './parse/validate.js';
import type { ContextFields, RawEvent } from './provider.js';

/** What every handler gets besides the event. Providers add fields (FusionAuth: `transactional`). */
export interface BaseContext {
  /** Aborted when the deadline (`timeoutMs`) passes: pass it to fetch, database clients, … */
  readonly signal: AbortSignal;
  readonly headers: HeaderReader;
  /** The exact bytes received (re-serialised JSON only when a body parser consumed the stream first). */
  readonly rawBody: Uint8Array;
  /** The logger, bound to this event's id and type. */
  readonly log: Logger;
  /** The idempotency key of this delivery (FusionAuth: `event.id`). */
  readonly eventId: string;
  readonly eventType: string;
  /**
   * The event as the provider sent it, including fields that failed their schema. When every field
   * validated it is the very object handlers receive as `event` (no copy is made).
   */
  readonly rawEvent: RawEvent;
  /** Fields left out of `event` because they failed their schema (empty when everything validated). */
  readonly schemaIssues: readonly SchemaIssue[];
  /** Vote against the event: answers 422 (or `status`, 4xx/5xx). FusionAuth may roll a transactional event back (it depends on its policy and the other webhooks; `onRollback` tells). */
  reject(message?: string, status?: number): never;
}

export type HandlerContext<TExtra extends object = object> = BaseContext & TExtra;

export type Handler<TEvent, TExtra extends object = object> = (
  event: TEvent,
  ctx: HandlerContext<TExtra>,
) => unknown;

export interface HandlerFailure<TEvent = unknown> {
  readonly error: unknown;
  readonly event: TEvent;
  readonly eventType: string;
  readonly eventId: string;
}

export type ErrorHandler<TEvent = unknown> = (failure: HandlerFailure<TEvent>) => unknown;

const emptyEvent: RawEvent = Object.freeze({});

/**
 * The context of one delivery. Nothing is built per request that a handler does not use: the abort
 * controller, the child logger, the re-serialised body and the provider's fields are created on
 * first read. `expire()` is called by the deadline.
 */
export class DeliveryContext {
  readonly #delivery: Delivery;
  readonly #logger: Logger;
  #controller: AbortController | undefined = undefined;
  #expiredWith: unknown = undefined;
  #log: Logger | undefined = undefined;

  constructor(delivery: Delivery, logger: Logger) {
    this.#delivery = delivery;
    this.#logger = logger;
  }

  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.#expiredWith !== undefined) this.#controller.abort(this.#expiredWith);
    }
    return this.#controller.signal;
  }

  get headers(): HeaderReader {
    return this.#delivery.headers;
  }

  get rawBody(): Uint8Array {
    return this.#delivery.bytes();
  }

  get log(): Logger {
    this.#log ??= childLogger(this.#logger, {
      eventId: this.#delivery.id,
      eventType: this.#delivery.type,
      ...this.#delivery.trace?.logFields(),
    });
    return this.#log;
  }

  get eventId(): string {
    return this.#delivery.id as string;
  }

  get eventType(): string {
    return this.#delivery.type as string;
  }

  get rawEvent(): RawEvent {
    return this.#delivery.rawEvent ?? emptyEvent;
  }

  get schemaIssues(): readonly SchemaIssue[] {
    return this.#delivery.schemaIssues;
  }

  reject(message?: string, status?: number): never {
    throw new WebhookRejection(message, status);
  }

  /** The deadline passed: abort the signal (now, or when a handler first reads it). */
  expire(reason: unknown): void {
    this.#expiredWith = reason;
    this.#controller?.abort(reason);
  }
}

export type ContextClass = new (delivery: Delivery, logger: Logger) => DeliveryContext;

/**
 * A context class with the provider's extra fields as lazy getters on its prototype, built once per
 * receiver: `ctx.transactional` costs nothing on requests whose handlers never read it.
 */
export function contextClass(fields: ContextFields<object> | undefined): ContextClass {
  if (fields === undefined) return DeliveryContext;
  class ProviderContext extends DeliveryContext {}
  for (const [name, compute] of Object.entries(fields) as [
    string,
    (event: RawEvent, type: string) => unknown,
  ][]) {
    Object.defineProperty(ProviderContext.prototype, name, {
      enumerable: true,
      get(this: DeliveryContext) {
        return compute(this.rawEvent, this.eventType);
      },
    });
  }
  return ProviderContext;
}
