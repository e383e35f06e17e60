/** Every way a delivery can end. One table decides the HTTP status of each (see `defaultStatus`). */
export type Outcome =
  | 'handled'
  | 'queued'
  | 'ignored'
  | 'duplicate'
  | 'in_progress'
  | 'rejected'
  | 'handler_error'
  | 'timeout'
  | 'client_gone'
  | 'unauthorized'
  | 'bad_request'
  | 'method_not_allowed'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'unavailable'
  | 'request_timeout'
  | 'misconfigured';

export const defaultStatus: Readonly<Record<Outcome, number>> = Object.freeze({
  handled: 200,
  queued: 202,
  ignored: 200,
  duplicate: 200,
  in_progress: 409,
  rejected: 422,
  handler_error: 500,
  timeout: 504,
  // Nobody reads it (the connection is gone); nginx's "client closed request", for logs and metrics.
  client_gone: 499,
  unauthorized: 401,
  bad_request: 400,
  method_not_allowed: 405,
  unsupported_media_type: 415,
  payload_too_large: 413,
  unavailable: 503,
  request_timeout: 408,
  misconfigured: 500,
});

export const outcomes = Object.freeze(Object.keys(defaultStatus) as Outcome[]);

/** Outcomes after which the provider must not consider the event delivered. */
const mustFail: ReadonlySet<Outcome> = new Set([
  'in_progress',
  'rejected',
  'handler_error',
  'timeout',
  'client_gone',
  'unauthorized',
  'bad_request',
  'method_not_allowed',
  'unsupported_media_type',
  'payload_too_large',
  'unavailable',
  'request_timeout',
  'misconfigured',
]);

export type StatusOverrides = Partial<Record<Outcome, number>>;

/** Validates a `responses` option once, at construction, so a bad override cannot flip a rollback into a commit. */
export function statusTable(overrides: StatusOverrides = {}): Readonly<Record<Outcome, number>> {
  const table = { ...defaultStatus };
  for (const [outcome, status] of Object.entries(overrides) as [string, number | undefined][]) {
    if (status === undefined) continue;
    if (!(outcome in defaultStatus)) {
      throw new TypeError(
        `authhooks: responses.${outcome} is not an outcome; use one of ${outcomes.join(', ')}.`,
      );
    }
    if (!Number.isInteger(status) || status < 200 || status > 599) {
      throw new TypeError(
        `authhooks: responses.${outcome} must be an HTTP status from 200 to 599, got ${status}.`,
      );
    }
    const isSuccess = status >= 200 && status < 300;
    if (mustFail.has(outcome as Outcome) && isSuccess) {
      throw new TypeError(
        `authhooks: responses.${outcome} cannot be ${status}: a 2xx tells FusionAuth to commit the operation. Use a 4xx or 5xx status.`,
      );
    }
    if (!mustFail.has(outcome as Outcome) && !isSuccess && outcome !== 'ignored') {
      throw new TypeError(`authhooks: responses.${outcome} must be a 2xx status, got ${status}.`);
    }
    table[outcome as Outcome] = status;
  }
  return Object.freeze(table);
}
