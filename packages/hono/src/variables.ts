import type { Outcome } from '@authhooks/core';

/** What the webhook leaves on the Hono context after a 2xx answer with a verified event. */
export interface AuthhooksDelivery<TEvent = unknown> {
  /** The verified, validated event (FusionAuth: the inner `event` object). */
  readonly event: TEvent;
  readonly eventType: string | undefined;
  readonly eventId: string | undefined;
  /** `handled`, `ignored` (nobody registered for it) or `duplicate` (already handled). */
  readonly outcome: Outcome;
  /** The status the webhook answers with. */
  readonly status: number;
}

/**
 * Hono `Variables` set by the webhook: `c.get('authhooks')`.
 * @example
 * const app = new Hono<{ Variables: AuthhooksVariables<FusionAuthEvent> }>();
 */
export type AuthhooksVariables<TEvent = unknown> = {
  authhooks: AuthhooksDelivery<TEvent>;
};

/** The Hono `Env` of the webhook handler. */
export type AuthhooksEnv<TEvent = unknown> = { Variables: AuthhooksVariables<TEvent> };
