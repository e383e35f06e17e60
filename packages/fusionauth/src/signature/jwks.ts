import { guardedTelemetry, telemetryMetrics } from '@authhooks/core';
import { fetchJwksBody, type JwksFetchLimits } from './jwks-fetch.js';
import { type CandidateKey, jwkKey, type PublicJwk } from './keys.js';

export interface JwksOptions extends JwksFetchLimits {
  readonly url: URL;
  /**
   * How often an unknown kid may trigger a fetch once the burst is spent (and how long a failed refresh
   * of a cached set waits before the next).
   */
  readonly cooldownMs: number;
  /** How long a fetched key set is fresh; a stale set is still used when a refetch fails. */
  readonly cacheMs: number;
  readonly fetch: typeof fetch;
  readonly now?: () => number;
}

export type JwksLookup =
  | { readonly status: 'found'; readonly keys: readonly CandidateKey[] }
  | { readonly status: 'unknown'; readonly why?: string }
  | { readonly status: 'unavailable'; readonly why: string };

/** While no key set was ever fetched, a failed fetch is retried after this, doubling up to the cooldown. */
const firstRetryMs = 250;
/** Fetches an unknown kid may trigger back to back (a key rotated in is found at once); then one per cooldown. */
const unknownKidBurst = 3;

/**
 * FusionAuth's `/.well-known/jwks.json`, cached. An unknown `kid` refetches at once, up to three times
 * in a row, then once per cooldown, and concurrent requests share one fetch: a key rotated in is found
 * by its first delivery, and random kids cannot make us hammer the endpoint. Until a first set is in,
 * failures back off from 250 ms up to the cooldown, so a JWKS that recovers is used within moments.
 */
export function createJwks(options: JwksOptions) {
  const now = options.now ?? Date.now;
  let keys: readonly CandidateKey[] | undefined;
  let fetchedAt = Number.NEGATIVE_INFINITY;
  let nextAllowed = Number.NEGATIVE_INFINITY;
  let failures = 0;
  let credits = unknownKidBurst;
  let creditedAt = now();
  let lastError: string | undefined;
  let inflight: Promise<void> | undefined;

  const refresh = () => {
    inflight ??= load()
      .then((loaded) => {
        keys = loaded;
        fetchedAt = now();
        failures = 0;
        lastError = undefined;
        nextAllowed = Number.NEGATIVE_INFINITY;
      })
      .catch((error: unknown) => {
        // Keep the last good key set: FusionAuth being briefly unreachable must not reject signed events.
        lastError = error instanceof Error ? error.message : String(error);
        failures++;
        const backoff =
          keys === undefined
            ? Math.min(options.cooldownMs, firstRetryMs * 2 ** (failures - 1))
            : options.cooldownMs;
        nextAllowed = now() + backoff;
      })
      .finally(() => {
        inflight = undefined;
      });
    return inflight;
  };

  /** Counted as `authhooks.jwks.fetches`, by result, when OpenTelemetry is present. */
  async function load(): Promise<CandidateKey[]> {
    try {
      const loaded = await download();
      countFetch('ok');
      return loaded;
    } catch (error) {
      countFetch('error');
      throw error;
    }
  }

  async function download(): Promise<CandidateKey[]> {
    const body = await fetchJwksBody(options.url, options.fetch, options);
    if (!Array.isArray(body.keys)) throw new Error('the JWKS has no "keys" array');
    if (body.keys.length > options.maxKeys) {
      throw new Error(
        `the JWKS holds ${body.keys.length} keys, more than jwksMaxKeys (${options.maxKeys}); refused`,
      );
    }
    // A key we cannot use (a private part, an unknown type, a weak RSA key) is skipped, not fatal.
    return body.keys.flatMap((jwk: PublicJwk) => jwkKey(jwk) ?? []);
  }

  const matching = (kid: string | undefined) =>
    (keys ?? []).filter((key) => kid === undefined || key.kid === kid);

  /** An unknown kid in a fresh set spends a credit; credits come back one per cooldown. */
  const spendCredit = (): boolean => {
    const at = now();
    if (options.cooldownMs <= 0) return true;
    const earned = Math.floor((at - creditedAt) / options.cooldownMs);
    if (earned > 0) {
      credits = Math.min(unknownKidBurst, credits + earned);
      creditedAt = credits === unknownKidBurst ? at : creditedAt + earned * options.cooldownMs;
    }
    if (credits < 1) return false;
    credits--;
    return true;
  };

  /** Synchronous while the cached set is fresh and knows the kid: the common case costs no promise. */
  return function lookup(kid: string | undefined): JwksLookup | Promise<JwksLookup> {
    const stale = now() - fetchedAt > options.cacheMs;
    if (!stale) {
      const found = matching(kid);
      if (found.length > 0) return { status: 'found', keys: found };
    }
    if (inflight) return inflight.then(() => settled(kid));
    // Cold or stale: the backoff decides. Fresh but the kid is unknown: the backoff and a credit.
    const allowed = now() >= nextAllowed && (keys === undefined || stale || spendCredit());
    return allowed ? refresh().then(() => settled(kid)) : settled(kid);
  };

  function settled(kid: string | undefined): JwksLookup {
    const found = matching(kid);
    if (found.length > 0) return { status: 'found', keys: found };
    if (keys === undefined) return { status: 'unavailable', why: lastError ?? 'not fetched yet' };
    return lastError === undefined ? { status: 'unknown' } : { status: 'unknown', why: lastError };
  }
}

function countFetch(result: 'ok' | 'error'): void {
  guardedTelemetry(() =>
    telemetryMetrics()?.jwksFetches.add(1, {
      'authhooks.provider': 'fusionauth',
      'authhooks.jwks.result': result,
    }),
  );
}
