import { type CandidateKey, jwkKey, type PublicJwk } from './keys.js';

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
    // A key we cannot use (a private part, an unknown type, a weak RSA key) is skipped, not fatal.
    return body.keys.flatMap((jwk: PublicJwk) => jwkKey(jwk) ?? []);
  }

  const matching = (kid: string | undefined) =>
    (keys ?? []).filter((key) => kid === undefined || key.kid === kid);

  /** Synchronous while the cached set is fresh and knows the kid: the common case costs no promise. */
  return function lookup(kid: string | undefined): JwksLookup | Promise<JwksLookup> {
    const stale = now() - fetchedAt > options.cacheMs;
    if (!stale) {
      const found = matching(kid);
      if (found.length > 0) return { status: 'found', keys: found };
    }
    const coolingDown = now() - lastAttempt < options.cooldownMs;
    if (!coolingDown || inflight) return refresh().then(() => settled(kid));
    return settled(kid);
  };

  function settled(kid: string | undefined): JwksLookup {
    const found = matching(kid);
    if (found.length > 0) return { status: 'found', keys: found };
    return keys === undefined ? { status: 'unavailable' } : { status: 'unknown' };
  }
}
