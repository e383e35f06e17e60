import type { RedisClient } from './client.js';

export interface RedisStoreOptions {
  /**
   * An ioredis `Redis`/`Cluster` or a node-redis (v4 or later) client/cluster, already created (and for
   * node-redis connected). Settings that make a Redis outage fail fast instead of queueing: see README.
   */
  readonly client: RedisClient;
  /** Put in front of every key. Default `authhooks:idem:` (ioredis' own `keyPrefix` goes in front of this). */
  readonly prefix?: string;
  /** How long a handled event id is remembered, in ms. Default 24 h. */
  readonly ttlMs?: number;
  /**
   * How long an unfinished reservation blocks other attempts, in ms. Default 60 s. Keep it above the
   * receiver's `timeoutMs`: a lease that runs out while its handlers still run lets a retry run them too.
   */
  readonly leaseMs?: number;
  /**
   * When Redis fails or is too slow: `'fail'` (default) answers 503 so the provider retries later;
   * `'process'` runs the handlers without deduplication.
   */
  readonly onStoreError?: 'fail' | 'process';
}

export interface ResolvedOptions {
  readonly prefix: string;
  readonly ttlMs: number;
  readonly leaseMs: number;
  readonly onStoreError: 'fail' | 'process' | undefined;
}

const durations = {
  ttlMs: 'how long a handled event id is remembered',
  leaseMs: 'how long an unfinished reservation blocks other attempts',
} as const;

export function resolveOptions(options: RedisStoreOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('authhooks: redisStore takes an options object: redisStore({ client }).');
  }
  const { prefix = 'authhooks:idem:', ttlMs = 86_400_000, leaseMs = 60_000, onStoreError } = options;
  if (typeof prefix !== 'string') {
    throw new TypeError(
      `authhooks: redisStore prefix must be a string such as 'authhooks:idem:', got ${typeof prefix}.`,
    );
  }
  for (const [name, value] of Object.entries({ ttlMs, leaseMs })) {
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw new TypeError(
        `authhooks: redisStore ${name} (${durations[name as keyof typeof durations]}) must be a positive whole number of milliseconds, got ${String(value)}.`,
      );
    }
  }
  if (onStoreError !== undefined && onStoreError !== 'fail' && onStoreError !== 'process') {
    throw new TypeError(
      `authhooks: redisStore onStoreError must be 'fail' (answer 503 so the provider retries) or 'process' (run the handlers without deduplication), got ${String(onStoreError)}.`,
    );
  }
  return { prefix, ttlMs, leaseMs, onStoreError };
}
