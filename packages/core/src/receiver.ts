import type { ErrorHandler, Handler } from './context.js';
import { WebhookError } from './errors.js';
import { readStream } from './http/body.js';
import type { IdempotencyStore } from './idempotency/types.js';
import { consoleLogger, describeError, type Logger } from './logger.js';
import type { Outcome, StatusOverrides } from './outcomes.js';
import { createDispatch, type Dispatched } from './pipeline/dispatch.js';
import { createHttpPolicy } from './pipeline/http-policy.js';
import { createVerifyAndParse, type ReceiveInput, type VerifiedEvent } from './pipeline/verify-and-parse.js';
import type { EventMap, Provider, UnknownEvent } from './provider.js';
import { type AnyHandler, anySelector, Router } from './router.js';
import type { EventSelector, SelectedEvent } from './routing-types.js';

export interface ReceiverOptions {
  /** Deadline for the handlers; then `ctx.signal` aborts and the answer is 504. Default 1800 ms, below FusionAuth's usual 2 s read timeout. */
  readonly timeoutMs?: number | false;
  /** Larger bodies answer 413; reading stops at the limit. Default 5 MiB. */
  readonly maxBodyBytes?: number;
  /** Remembers handled event ids so retries and duplicates do not run the handlers twice. None by default. */
  readonly idempotency?: IdempotencyStore;
  /** An event nobody handles: `'ack'` (200, default) or `'reject'` (422). */
  readonly unhandled?: 'ack' | 'reject';
  /** Status per outcome, e.g. `{ handled: 202, rejected: 400 }`. Failure outcomes cannot be given a 2xx. */
  readonly responses?: StatusOverrides;
  /** pino-compatible. Default: warnings and errors as JSON lines on stderr. */
  readonly logger?: Logger;
  /** Called once per request, for metrics. */
  readonly onResult?: (result: ResultInfo) => void;
}

export interface ResultInfo {
  readonly outcome: Outcome;
  readonly status: number;
  readonly eventType: string | undefined;
  readonly eventId: string | undefined;
  readonly durationMs: number;
  readonly error: string | undefined;
}

export interface ReceiveResult<TEvent = unknown> {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly outcome: Outcome;
  /** Present once the event was verified and parsed. */
  readonly event?: TEvent;
  readonly eventId?: string;
  readonly eventType?: string;
}

export type AnyEventOf<TMap extends EventMap> = TMap[keyof TMap] | UnknownEvent;

/** Registration methods, shared by the receiver and every adapter (which return themselves to chain). */
export interface WebhookRoutes<TMap extends EventMap, TExtra extends object, TSelf> {
  /** Runs `handler` for one type, several, or a `prefix.*` wildcard; `event` is typed accordingly. */
  on<const S extends EventSelector<TMap>>(
    selector: S | readonly S[],
    handler: Handler<SelectedEvent<TMap, S>, TExtra>,
  ): TSelf;
  /** Runs for every event, including types the provider does not know yet. */
  onAny(handler: Handler<AnyEventOf<TMap>, TExtra>): TSelf;
  /** Sees every handler failure (and timeout) with its event. Cannot change the answer. */
  onError(handler: ErrorHandler<AnyEventOf<TMap>>): TSelf;
  /** Removes a handler registered with `on` (same selector), `onAny` (`'*'`) or `onError` (`'error'`). */
  off(
    selector: EventSelector<TMap> | readonly EventSelector<TMap>[] | '*' | 'error',
    // biome-ignore lint/suspicious/noExplicitAny: any registered handler can be removed
    handler: (...args: any[]) => unknown,
  ): TSelf;
}

export interface Receiver<TMap extends EventMap = EventMap, TExtra extends object = object>
  extends WebhookRoutes<TMap, TExtra, Receiver<TMap, TExtra>> {
  readonly provider: Provider<TMap, TExtra>;
  readonly maxBodyBytes: number;
  /** Framework-neutral: the whole pipeline, answered as status, headers and body. Never throws. */
  receive(input: ReceiveInput): Promise<ReceiveResult<AnyEventOf<TMap>>>;
  /** Web-standard handler: `export const POST = receiver.fetch`. */
  fetch(request: Request): Promise<Response>;
  /** Verified, validated event without running handlers (queue hand-off). Throws `WebhookError` otherwise. */
  verifyAndParse(input: ReceiveInput): Promise<VerifiedEvent<AnyEventOf<TMap>>>;
  /** The known event types at least one registered handler runs for (e.g. to enable exactly those in FusionAuth). */
  handledTypes(): readonly (keyof TMap & string)[];
}

export type CreateReceiverOptions<TMap extends EventMap, TExtra extends object> = ReceiverOptions & {
  readonly provider: Provider<TMap, TExtra>;
};

const defaultTimeoutMs = 1800;
const defaultMaxBodyBytes = 5 * 1024 * 1024;

export function createReceiver<TMap extends EventMap, TExtra extends object>(
  options: CreateReceiverOptions<TMap, TExtra>,
): Receiver<TMap, TExtra> {
  const { provider, timeoutMs = defaultTimeoutMs, maxBodyBytes = defaultMaxBodyBytes, idempotency } = options;
  checkOptions(options, timeoutMs, maxBodyBytes);
  const logger = options.logger ?? consoleLogger({ provider: provider.name });
  const aliases: Readonly<Record<string, string>> = provider.aliases ?? {};
  const router = new Router((type) => aliases[type] ?? type);
  const errorHandlers: ErrorHandler[] = [];
  const anyProvider = provider as unknown as Provider<EventMap, object>;
  const verifyAndParse = createVerifyAndParse({ provider: anyProvider, maxBodyBytes });
  const dispatch = createDispatch({
    provider: anyProvider,
    router,
    errorHandlers,
    store: idempotency,
    timeoutMs,
    logger,
  });
  const answer = createHttpPolicy({ responses: options.responses, unhandled: options.unhandled });

  async function receive(input: ReceiveInput): Promise<ReceiveResult<AnyEventOf<TMap>>> {
    const started = performance.now();
    let delivery: VerifiedEvent | undefined;
    let result: Dispatched;
    let headers: Readonly<Record<string, string>> | undefined;
    try {
      delivery = await verifyAndParse(input);
      result = await dispatch(delivery);
    } catch (error) {
      if (error instanceof WebhookError) {
        result = { outcome: error.outcome, error: error.reason };
        headers = error.headers;
      } else {
        result = { outcome: 'handler_error', error: 'internal error', cause: error };
      }
    }
    const http = answer(result.outcome, {
      eventId: delivery?.id,
      eventType: delivery?.type,
      error: result.error,
      status: result.status,
      unhandled: result.unhandled,
      headers,
    });
    return finish(http, result, delivery, started);
  }

  function finish(
    http: ReturnType<typeof answer>,
    result: Dispatched,
    delivery: VerifiedEvent | undefined,
    started: number,
  ): ReceiveResult<AnyEventOf<TMap>> {
    const info: ResultInfo = {
      outcome: result.outcome,
      status: http.status,
      eventType: delivery?.type,
      eventId: delivery?.id,
      durationMs: performance.now() - started,
      error: result.error,
    };
    log(info, result.cause);
    if (options.onResult) {
      try {
        options.onResult(info);
      } catch (error) {
        logger.warn({ err: describeError(error) }, 'onResult threw');
      }
    }
    const out = { status: http.status, headers: http.headers, body: http.body, outcome: result.outcome };
    if (delivery === undefined) return out;
    return {
      ...out,
      event: delivery.event as AnyEventOf<TMap>,
      eventId: delivery.id,
      eventType: delivery.type,
    };
  }

  function log(info: ResultInfo, cause: unknown) {
    const fields = {
      outcome: info.outcome,
      status: info.status,
      eventType: info.eventType,
      eventId: info.eventId,
    };
    const message = info.error ?? info.outcome;
    switch (info.outcome) {
      case 'handled':
      case 'ignored':
      case 'duplicate':
        return logger.debug(fields, message);
      case 'rejected':
      case 'in_progress':
        return logger.info(fields, message);
      case 'handler_error':
      case 'unavailable':
        return logger.error(cause === undefined ? fields : { ...fields, err: describeError(cause) }, message);
      default:
        return logger.warn(fields, message);
    }
  }

  const receiver: Receiver<TMap, TExtra> = {
    provider,
    maxBodyBytes,
    on(selector, handler) {
      for (const one of toList(selector)) router.add(one, handler as AnyHandler);
      return receiver;
    },
    onAny(handler) {
      router.add(anySelector, handler as AnyHandler);
      return receiver;
    },
    onError(handler) {
      if (typeof handler !== 'function') throw new TypeError('authhooks: onError needs a function.');
      errorHandlers.push(handler as ErrorHandler);
      return receiver;
    },
    off(selector, handler) {
      if (selector === 'error') {
        const index = errorHandlers.lastIndexOf(handler as ErrorHandler);
        if (index >= 0) errorHandlers.splice(index, 1);
        return receiver;
      }
      for (const one of toList(selector)) router.remove(one, handler as AnyHandler);
      return receiver;
    },
    receive,
    async fetch(request) {
      const result = await receive({
        method: request.method,
        headers: request.headers,
        body: (limit) => readStream(request.body, limit),
      });
      // A Response may not carry a body with these statuses (reachable through `responses`).
      const body =
        result.status === 204 || result.status === 205 || result.status === 304 ? null : result.body;
      return new Response(body, { status: result.status, headers: result.headers });
    },
    async verifyAndParse(input) {
      return (await verifyAndParse(input)) as VerifiedEvent<AnyEventOf<TMap>>;
    },
    handledTypes() {
      return Object.keys(provider.schemas).filter(
        (type) => router.match(type, true).length > 0,
      ) as (keyof TMap & string)[];
    },
  };
  return receiver;
}

function toList<T>(value: T | readonly T[]): readonly T[] {
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

function checkOptions(
  options: ReceiverOptions & { provider: Provider<EventMap, object> },
  timeoutMs: unknown,
  maxBodyBytes: unknown,
) {
  const { provider } = options;
  if (provider === undefined || typeof provider.locate !== 'function') {
    throw new TypeError(
      'authhooks: createReceiver needs a provider, e.g. createReceiver({ provider: fusionauth({...}) }).',
    );
  }
  if (provider.verifiers.length === 0 && provider.allowUnauthenticated !== true) {
    throw new TypeError(
      `authhooks: the ${provider.name} receiver has no verifier, so anyone could send it events. ` +
        'Configure one (see the provider options), or pass allowUnauthenticated: true for local tests only.',
    );
  }
  if (
    timeoutMs !== false &&
    (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs <= 0)
  ) {
    throw new TypeError(
      `authhooks: timeoutMs must be a positive number of milliseconds or false, got ${String(timeoutMs)}.`,
    );
  }
  if (typeof maxBodyBytes !== 'number' || !Number.isInteger(maxBodyBytes) || maxBodyBytes <= 0) {
    throw new TypeError(`authhooks: maxBodyBytes must be a positive integer, got ${String(maxBodyBytes)}.`);
  }
  if (options.unhandled !== undefined && options.unhandled !== 'ack' && options.unhandled !== 'reject') {
    throw new TypeError(`authhooks: unhandled must be 'ack' or 'reject', got ${String(options.unhandled)}.`);
  }
  const store = options.idempotency;
  if (
    store !== undefined &&
    ['reserve', 'complete', 'release'].some(
      (m) => typeof (store as unknown as Record<string, unknown>)[m] !== 'function',
    )
  ) {
    throw new TypeError(
      'authhooks: idempotency must be a store with reserve, complete and release (e.g. memoryStore()).',
    );
  }
}
