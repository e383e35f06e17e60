/** How a Logto receiver is configured. */
export interface LogtoOptions {
  /** The webhook's signing key (Logto Console → Webhooks → your webhook → Signing key); several during a rotation. */
  readonly signingKey?: string | readonly string[];
  /**
   * The Console's "Send test payload" bodies carry fake data. `true` (default) answers them `ignored`
   * (200, reason "Logto test payload") without running handlers; `false` treats them like real events.
   */
  readonly acceptTestPayloads?: boolean;
  /** No verification at all. For local experiments only; never in production. */
  readonly allowUnauthenticated?: boolean;
  /** Where `LOGTO_WEBHOOK_SIGNING_KEY` is read when `signingKey` is not given. Default: `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Extra fields of every Logto handler's `ctx`. */
export interface LogtoContext {
  /** The id of the webhook configuration in Logto (the same on every delivery). */
  readonly hookId: string | undefined;
}
