import { failed, type HeaderVerifier, nonEmptyList, type VerificationResult } from '@authhooks/core';
import { familyAllows } from './families.js';
import { createJwks, type JwksLookup } from './jwks.js';
import { jwksUrlAllowed } from './jwks-fetch.js';
import { bodyClaim, type ParsedJws, parseJws } from './jws.js';
import {
  type CandidateKey,
  cryptoKey,
  hmacKey,
  jwkKey,
  type PublicJwk,
  pemKey,
  type WebCryptoKey,
} from './keys.js';
import { verifyJws } from './verify-jws.js';

export interface SignatureOptions {
  /** Shared secret(s) of an HMAC signing key (HS256/384/512); several during a rotation. */
  readonly hmacSecret?: string | readonly string[];
  /** Public keys (JWK, SPKI PEM or CryptoKey) of RSA, EC or Ed25519 signing keys. */
  readonly publicKeys?: readonly (PublicJwk | string | WebCryptoKey)[];
  /** FusionAuth's `https://<host>/.well-known/jwks.json`; keys are picked by `kid` and cached. */
  readonly jwksUrl?: string | URL;
  /**
   * An unknown `kid` (a key rotated in) refetches the JWKS at once, up to three times in a row, then at
   * most once per this, shared by every request: random kids cannot make us hammer FusionAuth. Also the
   * wait after a failed refresh of a cached set. Default 30 s.
   */
  readonly jwksCooldownMs?: number;
  /** How long a fetched JWKS is fresh. Default 10 min. */
  readonly jwksCacheMs?: number;
  /** JWKS fetch timeout. Default 1000 ms, to stay inside FusionAuth's read timeout. */
  readonly jwksTimeoutMs?: number;
  /** The largest JWKS read, in bytes; a larger one is refused (and logged with each delivery it fails). Default 512 KiB. */
  readonly jwksMaxBytes?: number;
  /** The most keys a JWKS may hold; one with more is refused. Default 100. */
  readonly jwksMaxKeys?: number;
  readonly fetch?: typeof fetch;
}

const header = 'x-fusionauth-signature-jwt';
/**
 * A token without a `kid` (FusionAuth always sends one) is tried against this many JWKS keys at most,
 * so a large key set cannot turn one unauthenticated request into many signature checks.
 */
const maxKeysWithoutKid = 3;

/**
 * Verifies `X-FusionAuth-Signature-JWT` (FusionAuth 1.48+) before a byte of the body is read: the JWS
 * must verify with a configured key of the family its `alg` belongs to (found by `kid`). Its only
 * claim, `request_body_sha256`, is handed to the pipeline, which compares it with the standard Base64
 * SHA-256 of the exact raw bytes once they are read. Why a check failed is for the log only.
 */
export function signatureVerifier(options: SignatureOptions): HeaderVerifier {
  if (options.hmacSecret === undefined && options.publicKeys === undefined && options.jwksUrl === undefined) {
    throw new TypeError(
      'authhooks: signature needs hmacSecret (HMAC signing key), publicKeys, or jwksUrl ' +
        '(https://<your FusionAuth>/.well-known/jwks.json).',
    );
  }
  const staticKeys = loadStaticKeys(options);
  let loaded: readonly CandidateKey[] | undefined;
  staticKeys.then(
    (keys) => {
      loaded = keys;
    },
    () => {}, // a bad key keeps rejecting every verify() with the same error
  );
  const jwks =
    options.jwksUrl === undefined
      ? undefined
      : createJwks({
          url: jwksUrl(options.jwksUrl),
          cooldownMs: options.jwksCooldownMs ?? 30_000,
          cacheMs: options.jwksCacheMs ?? 600_000,
          timeoutMs: options.jwksTimeoutMs ?? 1000,
          maxBytes: positive(options.jwksMaxBytes, 'jwksMaxBytes', 524_288),
          maxKeys: positive(options.jwksMaxKeys, 'jwksMaxKeys', 100),
          fetch: options.fetch ?? globalThis.fetch,
        });

  function verify(token: string | null): VerificationResult | Promise<VerificationResult> {
    if (token === null) return failed(`missing ${header} header`);
    const jws = parseJws(token);
    if (typeof jws === 'string') return failed(jws);
    if (loaded === undefined) return staticKeys.then((keys) => withStatics(jws, keys));
    return withStatics(jws, loaded);
  }

  function withStatics(jws: ParsedJws, all: readonly CandidateKey[]) {
    const statics = all.filter(
      (key) => key.kid === undefined || jws.kid === undefined || key.kid === jws.kid,
    );
    return firstMatch(jws, statics, (found) => {
      if (found !== undefined || jwks === undefined) return conclude(jws, found, statics, undefined);
      const lookup = jwks(jws.kid);
      const fromSet = (result: JwksLookup) => {
        const found = result.status === 'found' ? result.keys : [];
        const tried = jws.kid === undefined ? found.slice(0, maxKeysWithoutKid) : found;
        return firstMatch(jws, tried, (key) => conclude(jws, key, statics, result));
      };
      return lookup instanceof Promise ? lookup.then(fromSet) : fromSet(lookup);
    });
  }

  return {
    kind: 'headers',
    check: 'signature',
    bindsBody: true,
    verify: (headers) => verify(headers.get(header)),
  };
}

type Next = (key: CandidateKey | undefined) => VerificationResult | Promise<VerificationResult>;

/** Tries each key the token's algorithm is allowed for (rotation keeps several live), in order. */
function firstMatch(jws: ParsedJws, keys: readonly CandidateKey[], next: Next, from = 0) {
  for (let i = from; i < keys.length; i++) {
    const key = keys[i] as CandidateKey;
    if (!familyAllows(key.family, jws.alg)) continue;
    const ok = verifyJws(jws, key);
    if (ok instanceof Promise) {
      return ok.then((passed): VerificationResult | Promise<VerificationResult> =>
        passed ? next(key) : firstMatch(jws, keys, next, i + 1),
      );
    }
    if (ok) return next(key);
  }
  return next(undefined);
}

function conclude(
  jws: ParsedJws,
  key: CandidateKey | undefined,
  statics: readonly CandidateKey[],
  lookup: JwksLookup | undefined,
): VerificationResult {
  if (key === undefined) {
    const known = [...statics, ...(lookup?.status === 'found' ? lookup.keys : [])];
    if (known.length === 0 && lookup?.status === 'unavailable') {
      return { ok: false, reason: `no JWKS key yet: ${lookup.why}`, unavailable: true };
    }
    if (known.length === 0) {
      const why = lookup?.status === 'unknown' ? lookup.why : undefined;
      return failed(
        `unknown signing key id${why === undefined ? '' : ` (the last JWKS refresh failed: ${why})`}`,
      );
    }
    if (!known.some((candidate) => familyAllows(candidate.family, jws.alg))) {
      return failed(`no configured key accepts algorithm ${jws.alg}`);
    }
    return failed('signature does not verify');
  }
  const claim = bodyClaim(jws.payload);
  if (typeof claim === 'string') return failed(claim);
  return {
    ok: true,
    bodyDigest: {
      algorithm: 'SHA-256',
      encoding: 'base64',
      expected: claim.claim,
      mismatch: 'request_body_sha256 does not match the body',
    },
  };
}

/** Everything but PEM reading is checked synchronously, so a bad key fails at start-up, not per request. */
function loadStaticKeys(options: SignatureOptions): Promise<CandidateKey[]> {
  const keys: (CandidateKey | Promise<CandidateKey>)[] = [];
  if (options.hmacSecret !== undefined) {
    keys.push(...nonEmptyList(options.hmacSecret, 'signature.hmacSecret').map(hmacKey));
  }
  for (const key of options.publicKeys ?? []) {
    if (typeof key === 'string') keys.push(pemKey(key));
    else if (isCryptoKey(key)) keys.push(cryptoKey(key));
    else keys.push(publicJwk(key));
  }
  const all = Promise.all(keys);
  all.catch(() => {}); // the same rejection reaches verify(); this only avoids an unhandled-rejection warning
  return all;
}

function publicJwk(jwk: PublicJwk): CandidateKey {
  const key = jwkKey(jwk);
  if (key === undefined) {
    throw new TypeError(
      'authhooks: signature.publicKeys accepts public RSA (≥ 2048 bits), EC (P-256/384/521) or Ed25519 JWKs; ' +
        'this one is not (or it holds a private key: pass only the public part).',
    );
  }
  return key;
}

/** By shape, not `instanceof`: a CryptoKey from another realm (Jest's vm context, an iframe) is one too. */
function isCryptoKey(value: unknown): value is WebCryptoKey {
  if (typeof value !== 'object' || value === null) return false;
  const key = value as Partial<WebCryptoKey>;
  return typeof key.type === 'string' && typeof key.algorithm === 'object' && Array.isArray(key.usages);
}

function jwksUrl(value: string | URL): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(
      `authhooks: signature.jwksUrl is not a URL; use https://<your FusionAuth>/.well-known/jwks.json.`,
    );
  }
  if (!jwksUrlAllowed(url)) {
    throw new TypeError('authhooks: signature.jwksUrl must use https (http is allowed only for localhost).');
  }
  return url;
}

function positive(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new TypeError(`authhooks: signature.${name} must be a whole number above 0, got ${String(value)}.`);
  }
  return value;
}
