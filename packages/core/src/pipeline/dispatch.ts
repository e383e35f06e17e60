import type { ErrorHandler, HandlerContext } from '../context.js';
import { WebhookRejection } from '../errors.js';
import type { IdempotencyStore } from '../idempotency/types.js';
import { childLogger, describeError, type Logger } from '../logger.js';
import type { Outcome } from '../outcomes.js';
import type { EventMap, Provider, RawEvent } from '../provider.js';
import type { AnyHandler, Router } from '../router.js';
import { withDeadline } from './deadline.js';
import type { VerifiedEvent } from './verify-and-parse.js';

export interface Dispatched {
  readonly outcome: Outcome;
  readonly error?: string;
  readonly status?: number | undefined;
  readonly unhandled?: boolean;
  /** The handler's own error, for the log and `onResult`; never sent back. */
  readonly cause?: unknown;
}

export interface DispatchSettings {
  readonly provider: Provider<EventMap, object>;
  readonly router: Router;
  readonly errorHandlers: readonly ErrorHandler[];
  readonly store: IdempotencyStore | undefined;
  readonly timeoutMs: number | false;
  readonly logger: Logger;
}

/** Runs the handlers of one verified event under the deadline and the idempotency store's protection. */
export function createDispatch(settings: DispatchSettings) {
  const { provider, router, errorHandlers, store, timeoutMs, logger } = settings;

  const notifyError = async (error: unknown, delivery: VerifiedEvent) => {
    for (const onError of errorHandlers) {
      try {
        await onError({ error, event: delivery.event, eventType: delivery.type, eventId: delivery.id });
      } catch (failure) {
        logger.error({ err: describeError(failure) }, 'onError handler threw');
      }
    }
  };

  const instance = Math.random().toString(36).slice(2, 10);
  let attempts = 0;

  const release = async (key: string, token: string) => {
    try {
      await store?.release(key, token);
    } catch (error) {
      logger.warn({ err: describeError(error) }, 'idempotency store could not release a reservation');
    }
  };

  return async function dispatch(delivery: VerifiedEvent): Promise<Dispatched> {
    const handlers = router.match(delivery.type, delivery.known);
    if (handlers.length === 0) {
      return { outcome: 'ignored', unhandled: true, error: `no handler for ${delivery.type}` };
    }

    const key = `${provider.name}:${delivery.id}`;
    const token = `${instance}:${++attempts}`;
    if (store !== undefined) {
      let reservation: Awaited<ReturnType<IdempotencyStore['reserve']>>;
      try {
        reservation = await store.reserve(key, token);
      } catch (error) {
        return { outcome: 'unavailable', error: 'idempotency store unavailable', cause: error };
      }
      if (reservation === 'duplicate') return { outcome: 'duplicate' };
      if (reservation === 'in_progress') {
        return { outcome: 'in_progress', error: 'this event is being handled right now; retry later' };
      }
    }

    const controller = new AbortController();
    const ctx = createContext(delivery, controller.signal);
    const work = runInOrder(handlers, delivery.event, ctx);
    try {
      const result = await withDeadline(work, timeoutMs, controller);
      if (result.timedOut) {
        await release(key, token);
        result.late.catch((error) => {
          logger.warn(
            { err: describeError(error), eventId: delivery.id },
            'handler failed after the deadline',
          );
        });
        await notifyError(controller.signal.reason, delivery);
        return { outcome: 'timeout', error: `handlers did not finish within ${timeoutMs} ms` };
      }
    } catch (error) {
      await release(key, token);
      if (error instanceof WebhookRejection) {
        return { outcome: 'rejected', error: error.message, status: error.status };
      }
      await notifyError(error, delivery);
      return { outcome: 'handler_error', error: 'handler failed', cause: error };
    }

    try {
      await store?.complete(key, token);
    } catch (error) {
      logger.warn({ err: describeError(error) }, 'idempotency store could not record a handled event');
    }
    return { outcome: 'handled' };
  };

  function createContext(delivery: VerifiedEvent, signal: AbortSignal): HandlerContext {
    const extra = provider.context?.(delivery.type, delivery.event as RawEvent) ?? {};
    return {
      ...extra,
      signal,
      headers: delivery.headers,
      rawBody: delivery.rawBody,
      log: childLogger(logger, { eventId: delivery.id, eventType: delivery.type }),
      eventId: delivery.id,
      eventType: delivery.type,
      reject(message?: string, status?: number): never {
        throw new WebhookRejection(message, status);
      },
    };
  }
}

async function runInOrder(
  handlers: readonly AnyHandler[],
  event: unknown,
  ctx: HandlerContext,
): Promise<void> {
  for (const handler of handlers) await handler(event, ctx);
}
