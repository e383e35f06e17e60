export interface PostgresStoreOptions {
  /** The schema the tables live in (created by `migrate()`). Default `authhooks`. */
  readonly schema?: string;
  /** How long a handled event id is remembered, in ms. Default 24 h. */
  readonly ttlMs?: number;
  /**
   * How long an unfinished reservation blocks other attempts, in ms. Default 60 s. Keep it above the
   * receiver's `timeoutMs`: a lease that runs out while its handlers still run lets a retry run them too.
   */
  readonly leaseMs?: number;
  /**
   * When Postgres fails or is too slow: `'fail'` (default) answers 503 so the provider retries later;
   * `'process'` runs the handlers without deduplication.
   */
  readonly onStoreError?: 'fail' | 'process';
  /**
   * How often rows past their expiry are deleted, in ms (in batches, through the expiry index; never a
   * full-table scan). Default 60 000; `false` never (call `sweepExpired()` yourself, e.g. from a cron).
   */
  readonly sweepMs?: number | false;
}

export interface ResolvedOptions {
  readonly schema: string | undefined;
  readonly ttlMs: number;
  readonly leaseMs: number;
  readonly onStoreError: 'fail' | 'process' | undefined;
  readonly sweepMs: number | false;
}

const durations = {
  ttlMs: 'how long a handled event id is remembered',
  leaseMs: 'how long an unfinished reservation blocks other attempts',
  sweepMs: 'how often expired rows are deleted',
} as const;

export function resolveOptions(factory: string, options: PostgresStoreOptions = {}): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `authhooks: ${factory}'s second argument is an options object, e.g. { schema: 'authhooks' }.`,
    );
  }
  const { schema, ttlMs = 86_400_000, leaseMs = 60_000, onStoreError, sweepMs = 60_000 } = options;
  for (const [name, value] of Object.entries({ ttlMs, leaseMs, sweepMs })) {
    if (name === 'sweepMs' && value === false) continue;
    if (!Number.isSafeInteger(value) || (value as number) <= 0) {
      throw new TypeError(
        `authhooks: ${factory} ${name} (${durations[name as keyof typeof durations]}) must be a positive whole number of milliseconds, got ${String(value)}.`,
      );
    }
  }
  if (onStoreError !== undefined && onStoreError !== 'fail' && onStoreError !== 'process') {
    throw new TypeError(
      `authhooks: ${factory} onStoreError must be 'fail' (answer 503 so the provider retries) or 'process' (run the handlers without deduplication), got ${String(onStoreError)}.`,
    );
  }
  return { schema, ttlMs, leaseMs, onStoreError, sweepMs };
}
