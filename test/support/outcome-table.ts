/**
 * DESIGN.md "Outcomes and status codes", written out independently of the core's own table: every
 * status each outcome may be answered with under the default options. `rejected` may carry any 4xx/5xx
 * a handler chose; `ignored` is 422 with `unhandled: 'reject'`.
 */
const allowed: Readonly<Record<string, readonly number[]>> = {
  handled: [200],
  ignored: [200, 422],
  duplicate: [200],
  in_progress: [409],
  rejected: [422],
  handler_error: [500],
  timeout: [504],
  // Written to no one (the connection is gone); reported in onResult and the log.
  client_gone: [499],
  unauthorized: [401],
  bad_request: [400],
  method_not_allowed: [405],
  unsupported_media_type: [415],
  payload_too_large: [413],
  unavailable: [503],
  request_timeout: [408],
  misconfigured: [500],
};

export const tableOutcomes: readonly string[] = Object.keys(allowed);

/** Whether `status` is one the table gives `outcome`. */
export function inOutcomeTable(status: number, outcome: unknown): boolean {
  return (
    typeof outcome === 'string' &&
    Object.hasOwn(allowed, outcome) &&
    allowed[outcome]?.includes(status) === true
  );
}

export const isSuccess = (status: number): boolean => status >= 200 && status < 300;
