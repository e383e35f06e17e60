import { toBase64 } from '@authhooks/core';
import { exportJWK, exportPKCS8, exportSPKI, generateKeyPair, type JWK } from 'jose';
import {
  type AsymmetricAlgorithm,
  type HmacAlgorithm,
  isHmacAlgorithm,
  isSigningAlgorithm,
  type SigningAlgorithm,
  signingAlgorithms,
} from './algorithms.js';

/** An HMAC signing key, as FusionAuth Key Master holds it: the receiver gets the same secret. */
export interface TestHmacKey {
  readonly alg: HmacAlgorithm;
  readonly kid: string;
  /** Pass it to `signFusionAuthRequest` and to `fusionReceiver({ signature: { hmacSecret } })`. */
  readonly hmacSecret: string;
}

/** An asymmetric signing key pair; the receiver gets the public half (PEM, JWK, or a JWKS URL). */
export interface TestKeyPair {
  readonly alg: AsymmetricAlgorithm;
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  /** PKCS#8 PEM of the private key. */
  readonly privateKeyPem: string;
  /** SPKI PEM of the public key, as `fusionReceiver({ signature: { publicKeys: [pem] } })` takes it. */
  readonly publicKeyPem: string;
  /** The public key as FusionAuth's `/.well-known/jwks.json` lists it (`kid`, `alg`, `use: 'sig'`). */
  readonly publicJwk: JWK;
}

export type TestKey = TestHmacKey | TestKeyPair;

export interface TestKeyOptions {
  /** Default: a random id such as `test-es256-1a2b3c4d`. */
  readonly kid?: string;
}

const hmacBytes: Readonly<Record<HmacAlgorithm, number>> = { HS256: 32, HS384: 48, HS512: 64 };

/**
 * A fresh signing key for tests: an HMAC secret for `HS256/384/512`, otherwise a key pair (RSA 2048,
 * EC P-256/384/521, Ed25519) with its PEMs and public JWK. Default `RS256`, FusionAuth's usual key.
 */
export async function createTestKeys(
  alg: 'HS256' | 'HS384' | 'HS512',
  options?: TestKeyOptions,
): Promise<TestHmacKey>;
export async function createTestKeys(
  alg?: AsymmetricAlgorithm,
  options?: TestKeyOptions,
): Promise<TestKeyPair>;
export async function createTestKeys(alg?: SigningAlgorithm, options?: TestKeyOptions): Promise<TestKey>;
export async function createTestKeys(
  alg: SigningAlgorithm = 'RS256',
  options: TestKeyOptions = {},
): Promise<TestKey> {
  if (!isSigningAlgorithm(alg)) {
    throw new TypeError(
      `authhooks: createTestKeys does not know algorithm "${String(alg)}"; use one of ${signingAlgorithms.join(', ')}.`,
    );
  }
  const kid = options.kid ?? `test-${alg.toLowerCase()}-${randomHex(4)}`;
  if (isHmacAlgorithm(alg)) {
    return { alg, kid, hmacSecret: toBase64(crypto.getRandomValues(new Uint8Array(hmacBytes[alg]))) };
  }
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, modulusLength: 2048 });
  return {
    alg,
    kid,
    privateKey,
    publicKey,
    privateKeyPem: await exportPKCS8(privateKey),
    publicKeyPem: await exportSPKI(publicKey),
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' },
  };
}

function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}
