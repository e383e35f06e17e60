import type { HeaderReader } from './http/headers.js';
import type { Logger } from './logger.js';

/** What every handler gets besides the event. Providers add fields (FusionAuth: `transactional`). */
export interface BaseContext {
  /** Aborted when the deadline (`timeoutMs`) passes: pass it to fetch, database clients, … */
  readonly signal: AbortSignal;
  readonly headers: HeaderReader;
  /** The exact bytes received (re-serialised JSON only when a body parser consumed the stream first). */
  readonly rawBody: Uint8Array;
  readonly log: Logger;
  /** The idempotency key of this delivery (FusionAuth: `event.id`). */
  readonly eventId: string;
  readonly eventType: string;
  /** Veto the event: answers 422 (or `status`, 4xx/5xx); FusionAuth rolls a transactional event back. */
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
