import { createPrivateKey, createPublicKey } from 'node:crypto';
import { importJWK, type JWK } from 'jose';
import {
  type AsymmetricAlgorithm,
  asymmetricAlgorithms,
  defaultAlgorithmOfJwk,
  type HmacAlgorithm,
  hmacAlgorithms,
  type SigningAlgorithm,
} from './algorithms.js';

/**
 * The key FusionAuth signs a webhook with ("Sign events" → Signing key):
 * - a string: an HMAC secret (HS256), or a private key PEM (PKCS#8, PKCS#1 or SEC1);
 * - `{ hmacSecret, alg?, kid? }`: an HMAC key (HS256/384/512);
 * - `{ privateKey, alg?, kid? }`: an RSA, EC or Ed25519 private key as CryptoKey, PEM or JWK;
 * - what `createTestKeys()` returns.
 * `kid` goes into the JWT header, where receivers pick the key by it (JWKS).
 */
export type FusionAuthSigningKey =
  | string
  | { readonly hmacSecret: string; readonly alg?: HmacAlgorithm; readonly kid?: string }
  | {
      readonly privateKey: CryptoKey | string | JWK;
      readonly alg?: AsymmetricAlgorithm;
      readonly kid?: string;
    };

export interface ResolvedSigningKey {
  readonly alg: SigningAlgorithm;
  readonly kid: string | undefined;
  readonly key: CryptoKey | Uint8Array;
}

const encoder = new TextEncoder();

export async function resolveSigningKey(signingKey: FusionAuthSigningKey): Promise<ResolvedSigningKey> {
  if (typeof signingKey === 'string') {
    return isPem(signingKey)
      ? resolvePrivateKey(signingKey, undefined, undefined)
      : resolveHmac(signingKey, undefined, undefined);
  }
  if (signingKey !== null && typeof signingKey === 'object') {
    if ('hmacSecret' in signingKey) return resolveHmac(signingKey.hmacSecret, signingKey.alg, signingKey.kid);
    if ('privateKey' in signingKey)
      return resolvePrivateKey(signingKey.privateKey, signingKey.alg, signingKey.kid);
  }
  throw new TypeError(
    'authhooks: a signing key is an HMAC secret string, a private key PEM, { hmacSecret, kid? }, ' +
      '{ privateKey, alg?, kid? }, or what createTestKeys() returns.',
  );
}

function resolveHmac(secret: unknown, alg: HmacAlgorithm | undefined, kid: string | undefined) {
  if (typeof secret !== 'string' || secret.length === 0) {
    throw new TypeError('authhooks: hmacSecret must be a non-empty string (the secret of the HMAC key).');
  }
  if (alg !== undefined && !hmacAlgorithms.includes(alg)) {
    throw new TypeError(
      `authhooks: an HMAC key signs with ${hmacAlgorithms.join(', ')}, not ${String(alg)}.`,
    );
  }
  // FusionAuth's JWT library keys the HMAC with the secret's UTF-8 bytes.
  return { alg: alg ?? 'HS256', kid, key: encoder.encode(secret) } satisfies ResolvedSigningKey;
}

async function resolvePrivateKey(
  privateKey: CryptoKey | string | JWK,
  alg: AsymmetricAlgorithm | undefined,
  kid: string | undefined,
): Promise<ResolvedSigningKey> {
  if (alg !== undefined && !asymmetricAlgorithms.includes(alg)) {
    throw new TypeError(
      `authhooks: a private key signs with ${asymmetricAlgorithms.join(', ')}, not ${String(alg)} ` +
        '(HMAC secrets go in { hmacSecret }).',
    );
  }
  if (isCryptoKey(privateKey)) {
    const bound = algorithmOfCryptoKey(privateKey);
    if (privateKey.type !== 'private' || bound === undefined) {
      throw new TypeError('authhooks: privateKey must be an RSA, EC or Ed25519 private CryptoKey.');
    }
    if (alg !== undefined && !sameSignature(alg, bound)) {
      throw new TypeError(`authhooks: this CryptoKey signs ${bound}, not ${alg}; create it for ${alg}.`);
    }
    return { alg: alg ?? bound, kid, key: privateKey };
  }
  const jwk = typeof privateKey === 'string' ? jwkOfPem(privateKey) : privateKey;
  if (jwk.d === undefined) {
    throw new TypeError('authhooks: the signing key must be a private key; this one is public.');
  }
  const inferred = jwk.alg ?? defaultAlgorithmOfJwk(jwk);
  if (inferred === undefined) {
    throw new TypeError(
      'authhooks: the signing key must be an RSA, EC (P-256/384/521) or Ed25519 private key.',
    );
  }
  const chosen = alg ?? (inferred as AsymmetricAlgorithm);
  try {
    return { alg: chosen, kid: kid ?? jwk.kid, key: (await importJWK(jwk, chosen)) as CryptoKey };
  } catch (error) {
    throw new TypeError(
      `authhooks: this ${describeJwk(jwk)} key cannot sign ${chosen} (${(error as Error).message}).`,
    );
  }
}

/** A private key PEM as a JWK (the public half of it when `publicOnly`). */
export function jwkOfPem(pem: string, publicOnly = false): JWK {
  try {
    const key = pem.includes('PUBLIC KEY') || publicOnly ? createPublicKey(pem) : createPrivateKey(pem);
    return key.export({ format: 'jwk' }) as JWK;
  } catch {
    throw new TypeError(
      'authhooks: the key is not a PEM key that can be read (PKCS#8 "BEGIN PRIVATE KEY", ' +
        '"BEGIN RSA PRIVATE KEY", "BEGIN EC PRIVATE KEY", or an SPKI "BEGIN PUBLIC KEY").',
    );
  }
}

function isPem(text: string): boolean {
  return text.includes('-----BEGIN');
}

/** By its tag, not `instanceof`: a key made in another realm (Jest's test context) is a CryptoKey too. */
function isCryptoKey(value: unknown): value is CryptoKey {
  return Object.prototype.toString.call(value) === '[object CryptoKey]';
}

function sameSignature(a: AsymmetricAlgorithm, b: AsymmetricAlgorithm): boolean {
  const eddsa = (alg: string) => (alg === 'EdDSA' ? 'Ed25519' : alg);
  return eddsa(a) === eddsa(b);
}

function algorithmOfCryptoKey(key: CryptoKey): AsymmetricAlgorithm | undefined {
  const algorithm = key.algorithm as { name: string; hash?: { name: string }; namedCurve?: string };
  const bits = algorithm.hash?.name.replace('SHA-', '');
  const candidate = (() => {
    switch (algorithm.name) {
      case 'RSASSA-PKCS1-v1_5':
        return `RS${bits}`;
      case 'RSA-PSS':
        return `PS${bits}`;
      case 'ECDSA':
        return defaultAlgorithmOfJwk({ kty: 'EC', crv: algorithm.namedCurve });
      case 'Ed25519':
        return 'Ed25519';
      default:
        return undefined;
    }
  })();
  return asymmetricAlgorithms.find((alg) => alg === candidate);
}

function describeJwk(jwk: JWK): string {
  return jwk.crv === undefined ? String(jwk.kty) : `${String(jwk.kty)} ${jwk.crv}`;
}
