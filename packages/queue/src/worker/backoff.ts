import { wholeNumber } from '../options.js';
import type { BackoffFunction, BackoffOptions } from './types.js';

const defaults = { delayMs: 1_000, maxDelayMs: 5 * 60_000 } as const;

/** The wait after a failed attempt (1-based), from the worker's `backoff` option. Checked at construction. */
export function backoffDelay(backoff: BackoffOptions | BackoffFunction | undefined): BackoffFunction {
  if (typeof backoff === 'function') {
    return (attempt, error) => {
      const delay = backoff(attempt, error);
      return typeof delay === 'number' && Number.isFinite(delay) && delay >= 0 ? Math.round(delay) : 0;
    };
  }
  if (backoff !== undefined && (typeof backoff !== 'object' || backoff === null)) {
    throw new TypeError(
      '@authhooks/queue: backoff is { type?, delayMs?, maxDelayMs? } or a function (attempt, error) => milliseconds.',
    );
  }
  const type = backoff?.type ?? 'exponential';
  if (type !== 'exponential' && type !== 'fixed') {
    throw new TypeError(
      `@authhooks/queue: backoff.type must be 'exponential' or 'fixed', got ${String(type)}.`,
    );
  }
  const delayMs = wholeNumber(
    'backoff.delayMs',
    backoff?.delayMs ?? defaults.delayMs,
    0,
    2 ** 31 - 1,
    ' of ms',
  );
  const maxDelayMs = wholeNumber(
    'backoff.maxDelayMs',
    backoff?.maxDelayMs ?? Math.max(defaults.maxDelayMs, delayMs),
    delayMs,
    2 ** 31 - 1,
    ' of ms',
  );
  if (type === 'fixed') return () => delayMs;
  return (attempt) => Math.min(maxDelayMs, delayMs * 2 ** Math.min(attempt - 1, 30));
}
