import type { DeliveryContext } from '../context.js';
import { hasBrand } from '../errors.js';
import { describeError } from '../logger.js';
import type { AnyHandler } from '../router.js';
import { guarded } from '../telemetry/api.js';
import { metrics } from '../telemetry/metrics.js';
import { traceCarrier } from '../telemetry/propagation.js';
import type { EnqueueOptions, EventQueue } from './types.js';

const queueRouteMark = Symbol('authhooks.queueRoute');
const unavailableBrand = Symbol.for('authhooks.QueueUnavailable');

/** The queue could not take the job: answered 503 `unavailable`, so the provider retries. */
export class QueueUnavailable extends Error {
  override readonly name = 'QueueUnavailable';
  constructor(
    message: string,
    readonly detail: string,
  ) {
    super(message);
    Object.defineProperty(this, unavailableBrand, { value: true });
  }

  static is(value: unknown): value is QueueUnavailable {
    return hasBrand(value, unavailableBrand);
  }
}

/**
 * A route that hands the event to a queue instead of running a handler. It runs in registration
 * order with the other handlers of the event, so `.on` vetoes registered before it still apply.
 */
export function queueRoute(provider: string, queue: EventQueue, options: EnqueueOptions): AnyHandler {
  const route = (event: unknown, ctx: DeliveryContext) => {
    const trace = traceCarrier();
    return Promise.resolve()
      .then(() =>
        queue.add(
          {
            provider,
            id: ctx.eventId,
            type: ctx.eventType,
            event,
            rawEvent: ctx.rawEvent,
            schemaIssues: ctx.schemaIssues,
            receivedAt: Date.now(),
            ...(trace !== undefined && { trace }),
          },
          options,
        ),
      )
      .then(
        () =>
          guarded(() =>
            metrics()?.queueJobs.add(1, {
              'authhooks.provider': provider,
              'authhooks.event.type': ctx.eventType,
              'authhooks.queue.name': queue.name,
              'authhooks.queue.job.state': 'enqueued',
            }),
          ),
        (error: unknown) => {
          throw new QueueUnavailable(`queue ${queue.name} unavailable`, describeError(error).message);
        },
      );
  };
  Object.defineProperty(route, queueRouteMark, { value: true });
  return route;
}

export function isQueueRoute(handler: AnyHandler): boolean {
  return queueRouteMark in handler;
}
