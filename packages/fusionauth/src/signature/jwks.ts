import type { JWK } from 'jose';
import { importJWK, type CryptoKey as JoseKey } from 'jose';
import { familyOfJwk } from './families.js';
import { type CandidateKey, cachedKey } from './static-keys.js';

export interface JwksOptions {
  readonly url: URL;
  /** Minimum time between fetches that an unknown kid may trigger. */
  readonly cooldownMs: number;
  /** How long a fetched key set is fresh; a stale set is still used when a refetch fails. */
  readonly cacheMs: number;
  readonly timeoutMs: number;
  readonly fetch: typeof fetch;
  readonly now?: () => number;
}

export type JwksLookup =
  | { readonly status: 'found'; readonly keys: readonly CandidateKey[] }
  | { readonly status: 'unknown' }
  | { readonly status: 'unavailable' };

/**
 * FusionAuth's `/.well-known/jwks.json`, cached. An unknown `kid` refetches, at most once per
 * cooldown, and concurrent requests share one fetch, so random kids cannot make us hammer it.
 */
export function createJwks(options: JwksOptions) {
  const now = options.now ?? Date.now;
  let keys: readonly CandidateKey[] | undefined;
  let fetchedAt = Number.NEGATIVE_INFINITY;
  let lastAttempt = Number.NEGATIVE_INFINITY;
  let inflight: Promise<void> | undefined;

  const refresh = () => {
    inflight ??= load()
      .then((loaded) => {
        keys = loaded;
        fetchedAt = now();
      })
      .catch(() => {
        // Keep the last good key set: FusionAuth being briefly unreachable must not reject signed events.
      })
      .finally(() => {
        inflight = undefined;
      });
    lastAttempt = now();
    return inflight;
  };

  async function load(): Promise<CandidateKey[]> {
    const response = await options.fetch(options.url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    if (!response.ok) throw new Error(`JWKS answered ${response.status}`);
    const body = (await response.json()) as { keys?: unknown };
    if (!Array.isArray(body.keys)) throw new Error('JWKS has no keys array');
    return body.keys.flatMap((jwk: JWK) => {
      const family = familyOfJwk(jwk);
      if (family === undefined || jwk.d !== undefined || (jwk.use !== undefined && jwk.use !== 'sig'))
        return [];
      return [cachedKey(jwk.kid, family, (alg) => importJWK(jwk, alg) as Promise<JoseKey>)];
    });
  }

  const matching = (kid: string | undefined) =>
    (keys ?? []).filter((key) => kid === undefined || key.kid === kid);

  return async function lookup(kid: string | undefined): Promise<JwksLookup> {
    const coolingDown = now() - lastAttempt < options.cooldownMs;
    const stale = now() - fetchedAt > options.cacheMs;
    if ((stale || matching(kid).length === 0) && (!coolingDown || inflight)) await refresh();
    const found = matching(kid);
    if (found.length > 0) return { status: 'found', keys: found };
    return keys === undefined ? { status: 'unavailable' } : { status: 'unknown' };
  };
}
