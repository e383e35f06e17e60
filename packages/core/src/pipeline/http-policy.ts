import type { Outcome, StatusOverrides } from '../outcomes.js';
import { statusTable } from '../outcomes.js';

export interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface AnswerDetails {
  readonly eventId?: string | undefined;
  readonly eventType?: string | undefined;
  /** Short, safe text naming what failed. Never a secret, a stack or an expected value. */
  readonly error?: string | undefined;
  /** The status a handler asked for with `reject(message, status)`. */
  readonly status?: number | undefined;
  /** True when nothing was registered for the event (as opposed to a filter excluding it). */
  readonly unhandled?: boolean | undefined;
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

export interface HttpPolicyOptions {
  readonly responses?: StatusOverrides | undefined;
  readonly unhandled?: 'ack' | 'reject' | undefined;
}

/** The one place that turns an outcome into an HTTP answer. Adapters only write what it returns. */
export function createHttpPolicy({ responses, unhandled = 'ack' }: HttpPolicyOptions = {}) {
  const table = statusTable(responses);
  const unhandledStatus = unhandled === 'reject' ? 422 : table.ignored;

  return function answer(outcome: Outcome, details: AnswerDetails = {}): Answer {
    const status =
      details.status ?? (outcome === 'ignored' && details.unhandled ? unhandledStatus : table[outcome]);
    const body: Record<string, string> = { outcome };
    if (details.eventId !== undefined) body.eventId = details.eventId;
    if (details.eventType !== undefined) body.eventType = details.eventType;
    if (details.error !== undefined) body.error = details.error;
    return {
      status,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
        ...details.headers,
      },
      body: JSON.stringify(body),
    };
  };
}
