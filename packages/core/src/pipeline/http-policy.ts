import type { Delivery } from '../delivery.js';
import type { Outcome, StatusOverrides } from '../outcomes.js';
import { statusTable } from '../outcomes.js';

/** What the receiver answers, for any framework to write as is. */
export interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly outcome: Outcome;
}

export interface HttpPolicyOptions {
  readonly responses?: StatusOverrides | undefined;
  readonly unhandled?: 'ack' | 'reject' | undefined;
}

const jsonHeaders = Object.freeze({
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
});
const allowHeaders = Object.freeze({ ...jsonHeaders, allow: 'POST' });

/**
 * The one place that turns a delivery's outcome into an HTTP answer: status from the table (or the
 * status a handler asked for), `Allow`/`WWW-Authenticate` where HTTP requires them, and a small JSON
 * body naming the outcome, the event and what failed. Adapters only write what it returns.
 */
export function createHttpPolicy({ responses, unhandled = 'ack' }: HttpPolicyOptions = {}) {
  const table = statusTable(responses);
  const unhandledStatus = unhandled === 'reject' ? 422 : table.ignored;
  // The constant head of each body, built once: `{"outcome":"handled"`.
  const heads = Object.fromEntries(
    Object.keys(table).map((outcome) => [outcome, `{"outcome":${JSON.stringify(outcome)}`]),
  ) as Record<Outcome, string>;

  return function answer(delivery: Delivery): Answer {
    const outcome = delivery.outcome ?? 'handler_error';
    const status =
      delivery.status ?? (outcome === 'ignored' && delivery.unhandled ? unhandledStatus : table[outcome]);
    let body = heads[outcome];
    if (delivery.id !== undefined) body += `,"eventId":${JSON.stringify(delivery.id)}`;
    if (delivery.type !== undefined) body += `,"eventType":${JSON.stringify(delivery.type)}`;
    if (delivery.error !== undefined) body += `,"error":${JSON.stringify(delivery.error)}`;
    body += '}';
    return { status, headers: headersFor(outcome, delivery.challenge), body, outcome };
  };
}

function headersFor(outcome: Outcome, challenge: string | undefined): Readonly<Record<string, string>> {
  if (outcome === 'method_not_allowed') return allowHeaders;
  if (outcome === 'unauthorized' && challenge !== undefined) {
    return { ...jsonHeaders, 'www-authenticate': challenge };
  }
  return jsonHeaders;
}

/** Statuses that may not carry a body (reachable through `responses`, e.g. `handled: 204`). */
const noBody = new Set([204, 205, 304]);

/** The body to write: none for the statuses that may not carry one, whatever the framework. */
export function responseBody(answer: Answer): string | null {
  return noBody.has(answer.status) ? null : answer.body;
}
