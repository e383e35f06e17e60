import { type BodyVerifier, failed, nonEmptyList, verified } from '@authhooks/core';
import { compactVerify, decodeProtectedHeader, type JWK } from 'jose';
import { bodyDigestMatches } from './body-digest.js';
import { familyAllows } from './families.js';
import { createJwks, type JwksLookup } from './jwks.js';
import { type CandidateKey, cryptoKey, hmacKeys, jwkKey, pemKey } from './static-keys.js';

export interface SignatureOptions {
  /** Shared secret(s) of an HMAC signing key (HS256/384/512); several during a rotation. */
  readonly hmacSecret?: string | readonly string[];
  /** Public keys (JWK, SPKI PEM or CryptoKey) of RSA, EC or Ed25519 signing keys. */
  readonly publicKeys?: readonly (JWK | string | CryptoKey)[];
  /** FusionAuth's `https://<host>/.well-known/jwks.json`; keys are picked by `kid` and cached. */
  readonly jwksUrl?: string | URL;
  /** Minimum time between JWKS fetches triggered by an unknown `kid`. Default 30 s. */
  readonly jwksCooldownMs?: number;
  /** How long a fetched JWKS is fresh. Default 10 min. */
  readonly jwksCacheMs?: number;
  /** JWKS fetch timeout. Default 1000 ms, to stay inside FusionAuth's read timeout. */
  readonly jwksTimeoutMs?: number;
  readonly fetch?: typeof fetch;
}

const header = 'x-fusionauth-signature-jwt';
const decoder = new TextDecoder();

/**
 * Verifies `X-FusionAuth-Signature-JWT` (FusionAuth 1.48+): the JWS must verify with a configured
 * key of the family its `alg` belongs to, and its `request_body_sha256` must match the raw bytes.
 */
export function signatureVerifier(options: SignatureOptions): BodyVerifier {
  if (options.hmacSecret === undefined && options.publicKeys === undefined && options.jwksUrl === undefined) {
    throw new TypeError(
      'authhooks: signature needs hmacSecret (HMAC signing key), publicKeys, or jwksUrl ' +
        '(https://<your FusionAuth>/.well-known/jwks.json).',
    );
  }
  const staticKeys = loadStaticKeys(options);
  const jwks =
    options.jwksUrl === undefined
      ? undefined
      : createJwks({
          url: jwksUrl(options.jwksUrl),
          cooldownMs: options.jwksCooldownMs ?? 30_000,
          cacheMs: options.jwksCacheMs ?? 600_000,
          timeoutMs: options.jwksTimeoutMs ?? 1000,
          fetch: options.fetch ?? globalThis.fetch,
        });

  return {
    kind: 'body',
    name: 'fusionauth signature',
    async verify(headers, rawBody) {
      const token = headers.get(header);
      if (token === null) return failed(`missing ${header} header`);
      let alg: unknown;
      let kid: unknown;
      try {
        ({ alg, kid } = decodeProtectedHeader(token));
      } catch {
        return failed(`${header} is not a JWT`);
      }
      if (typeof alg !== 'string' || alg.toLowerCase() === 'none')
        return failed('signature algorithm is not allowed');
      if (kid !== undefined && typeof kid !== 'string') return failed(`${header} has an invalid kid`);

      const statics = (await staticKeys).filter(
        (key) => key.kid === undefined || kid === undefined || key.kid === kid,
      );
      const accepts = (key: CandidateKey) => familyAllows(key.family, alg as string);
      let payload = await firstVerified(token, alg, statics.filter(accepts));
      let lookup: JwksLookup | undefined;
      if (payload === undefined && jwks !== undefined) {
        lookup = await jwks(kid);
        if (lookup.status === 'found') payload = await firstVerified(token, alg, lookup.keys.filter(accepts));
      }
      if (payload === undefined) {
        const known = [...statics, ...(lookup?.status === 'found' ? lookup.keys : [])];
        if (known.length === 0 && lookup?.status === 'unavailable') {
          return { ok: false, reason: 'JWKS unreachable and no cached key', unavailable: true };
        }
        if (known.length === 0) return failed('unknown signing key id');
        if (!known.some(accepts)) return failed(`no configured key accepts algorithm ${alg}`);
        return failed('signature does not verify');
      }

      let claim: unknown;
      try {
        claim = (JSON.parse(decoder.decode(payload)) as { request_body_sha256?: unknown })
          .request_body_sha256;
      } catch {
        return failed('signature payload is not JSON');
      }
      if (typeof claim !== 'string') return failed('request_body_sha256 claim is missing');
      return (await bodyDigestMatches(claim, rawBody))
        ? verified
        : failed('request_body_sha256 does not match the body');
    },
  };
}

async function firstVerified(
  token: string,
  alg: string,
  keys: readonly CandidateKey[],
): Promise<Uint8Array | undefined> {
  for (const candidate of keys) {
    try {
      const key = await candidate.resolve(alg);
      return (await compactVerify(token, key, { algorithms: [alg] })).payload;
    } catch {
      // try the next key: rotation keeps several live
    }
  }
  return undefined;
}

/** Everything but PEM probing is checked synchronously, so a bad key fails at start-up, not per request. */
function loadStaticKeys(options: SignatureOptions): Promise<CandidateKey[]> {
  const keys: (CandidateKey | Promise<CandidateKey>)[] = [];
  if (options.hmacSecret !== undefined)
    keys.push(...hmacKeys(nonEmptyList(options.hmacSecret, 'signature.hmacSecret')));
  for (const key of options.publicKeys ?? []) {
    if (typeof key === 'string') keys.push(pemKey(key));
    else if (isCryptoKey(key)) keys.push(cryptoKey(key));
    else keys.push(jwkKey(key));
  }
  const all = Promise.all(keys);
  all.catch(() => {}); // the same rejection reaches verify(); this only avoids an unhandled-rejection warning
  return all;
}

function isCryptoKey(value: unknown): value is CryptoKey {
  return typeof CryptoKey !== 'undefined' && value instanceof CryptoKey;
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
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) {
    throw new TypeError('authhooks: signature.jwksUrl must use https (http is allowed only for localhost).');
  }
  return url;
}
