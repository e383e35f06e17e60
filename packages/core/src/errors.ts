import type { Outcome } from './outcomes.js';

/** Thrown from a handler (or by `ctx.reject`) to veto the event: FusionAuth rolls a transactional event back. */
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
  }
}

/** Why a delivery was refused before any handler ran. `reason` is safe to return and to log. */
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

/** The body read stopped at the limit. Thrown by body readers; answered 413. */
export class PayloadTooLargeError extends Error {
  override readonly name = 'PayloadTooLargeError';
  constructor(readonly limit: number) {
    super(`body exceeds ${limit} bytes`);
  }
}
