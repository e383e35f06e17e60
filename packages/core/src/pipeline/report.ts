import type { ErrorHandler } from '../context.js';
import type { Delivery } from '../delivery.js';
import { describeError, levelEnabled, safeLog } from '../logger.js';
import type { Outcome } from '../outcomes.js';
import type { Answer } from './http-policy.js';

/** What `onResult` sees once per request, for metrics. */
export interface ResultInfo {
  readonly outcome: Outcome;
  readonly status: number;
  readonly eventType: string | undefined;
  readonly eventId: string | undefined;
  readonly durationMs: number;
  readonly error: string | undefined;
  /** This copy found the event in progress and waited for that attempt (several webhooks, a retry). */
  readonly waited: boolean;
}

export interface Reporting {
  readonly onResult: ((result: ResultInfo) => unknown) | undefined;
  readonly errorHandlers: readonly ErrorHandler[];
  /** How long an `onError` or `onResult` may take before a warning says it is stuck. */
  readonly hookWarningMs: number;
}

const levels: Readonly<Record<Outcome, 'debug' | 'info' | 'warn' | 'error'>> = {
  handled: 'debug',
  queued: 'debug',
  ignored: 'debug',
  duplicate: 'debug',
  rejected: 'info',
  in_progress: 'info',
  handler_error: 'error',
  timeout: 'error',
  client_gone: 'warn',
  unavailable: 'error',
  misconfigured: 'error',
  unauthorized: 'warn',
  bad_request: 'warn',
  method_not_allowed: 'warn',
  unsupported_media_type: 'warn',
  payload_too_large: 'warn',
  request_timeout: 'warn',
};

/**
 * Runs after the answer is decided and never delays it: logs the delivery (the reason of a refusal
 * goes here, not into the answer), then calls `onResult` and, for handler failures and timeouts,
 * `onError`. Their failures are logged; one that does not settle is reported, never awaited.
 */
export function report(delivery: Delivery, answer: Answer, reporting: Reporting): void {
  const { logger } = delivery;
  const level = levels[answer.outcome];
  if (levelEnabled(logger, level)) {
    const fields: Record<string, unknown> = {
      outcome: answer.outcome,
      status: answer.status,
      eventType: delivery.type,
      eventId: delivery.id,
    };
    if (delivery.detail !== undefined) fields.reason = delivery.detail;
    if (delivery.waited) fields.waited = true;
    if (delivery.cause !== undefined) fields.err = describeError(delivery.cause);
    const traced = delivery.trace?.logFields();
    if (traced !== undefined) Object.assign(fields, traced);
    safeLog(logger, level, fields, delivery.error ?? answer.outcome);
  }
  if (reporting.onResult === undefined && reporting.errorHandlers.length === 0) return;
  queueMicrotask(() => runHooks(delivery, answer, reporting));
}

function runHooks(delivery: Delivery, answer: Answer, reporting: Reporting): void {
  if (reporting.onResult !== undefined) {
    const info: ResultInfo = {
      outcome: answer.outcome,
      status: answer.status,
      eventType: delivery.type,
      eventId: delivery.id,
      durationMs: performance.now() - delivery.started,
      error: delivery.error,
      waited: delivery.waited,
    };
    guard(
      () => (reporting.onResult as (result: ResultInfo) => unknown)(info),
      'onResult',
      delivery,
      reporting,
    );
  }
  if (answer.outcome !== 'handler_error' && answer.outcome !== 'timeout') return;
  for (const onError of reporting.errorHandlers) {
    const failure = {
      error: delivery.cause,
      event: delivery.event,
      eventType: delivery.type as string,
      eventId: delivery.id as string,
    };
    guard(() => onError(failure), 'onError', delivery, reporting);
  }
}

function guard(hook: () => unknown, name: string, delivery: Delivery, reporting: Reporting): void {
  const fail = (error: unknown) =>
    safeLog(delivery.logger, 'error', { err: describeError(error) }, `${name} handler threw`);
  let result: unknown;
  try {
    result = hook();
  } catch (error) {
    fail(error);
    return;
  }
  if (!isThenable(result)) return;
  let settled = false;
  const timer = setTimeout(() => {
    if (!settled) {
      safeLog(
        delivery.logger,
        'warn',
        {},
        `${name} handler did not settle within ${reporting.hookWarningMs} ms`,
      );
    }
  }, reporting.hookWarningMs);
  (timer as { unref?: () => void }).unref?.();
  Promise.resolve(result).then(
    () => {
      settled = true;
      clearTimeout(timer);
    },
    (error: unknown) => {
      settled = true;
      clearTimeout(timer);
      fail(error);
    },
  );
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  try {
    return typeof (value as { then?: unknown } | null)?.then === 'function';
  } catch {
    return false;
  }
}
