import type { Outcome } from './outcomes.js';

// Errors cross bundle boundaries (ESM and CJS copies of a package, or an adapter's own copy of core):
// they are recognised by a brand registered in the global symbol registry, never by `instanceof`.
const rejectionBrand = Symbol.for('authhooks.WebhookRejection');
const bodyReadBrand = Symbol.for('authhooks.BodyReadError');

/**
 * Whether `value` carries `brand`. Never throws: a handler may throw anything, including a Proxy whose
 * every trap throws, and looking at it must not break the answer.
 */
export function hasBrand(value: unknown, brand: symbol): boolean {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false;
  try {
    return Object.hasOwn(value, brand);
  } catch {
    return false;
  }
}

/** Thrown from a handler (or by `ctx.reject`) to vote against the event (a non-2xx answer; FusionAuth may roll a transactional event back). */
export class WebhookRejection extends Error {
  override readonly name = 'WebhookRejection';
  /** The status asked for; when absent the `rejected` status of the table applies (422 unless overridden). */
  readonly status: number | undefined;

  constructor(message = 'rejected by handler', status?: number) {
    super(message);
    if (status !== undefined && (!Number.isInteger(status) || status < 400 || status > 599)) {
      throw new TypeError(
        `authhooks: reject() needs a 4xx or 5xx status so the provider does not commit; got ${status}.`,
      );
    }
    this.status = status;
    Object.defineProperty(this, rejectionBrand, { value: true });
  }

  static is(value: unknown): value is WebhookRejection {
    return hasBrand(value, rejectionBrand);
  }
}

/** Why a delivery was refused before any handler ran (thrown by `verifyAndParse`). `reason` is safe to return and to log. */
export class WebhookError extends Error {
  override readonly name = 'WebhookError';
  readonly outcome: Outcome;
  readonly reason: string;
  readonly headers: Readonly<Record<string, string>>;

  constructor(outcome: Outcome, reason: string, headers: Readonly<Record<string, string>> = {}) {
    super(`${outcome}: ${reason}`);
    this.outcome = outcome;
    this.reason = reason;
    this.headers = headers;
  }
}

/** How a body read can end without a body; each has its own answer. */
export type BodyReadOutcome = 'payload_too_large' | 'request_timeout' | 'bad_request';

/** A body reader stopped: the body was too large, too slow, or the client went away. */
export class BodyReadError extends Error {
  override readonly name: string = 'BodyReadError';
  constructor(
    readonly outcome: BodyReadOutcome,
    message: string,
  ) {
    super(message);
    Object.defineProperty(this, bodyReadBrand, { value: true });
  }

  static is(value: unknown): value is BodyReadError {
    return hasBrand(value, bodyReadBrand);
  }
}

/** The body read stopped at the limit; answered 413. */
export class PayloadTooLargeError extends BodyReadError {
  override readonly name = 'PayloadTooLargeError';
  constructor(readonly limit: number) {
    super('payload_too_large', `body is larger than ${limit} bytes`);
  }
}
