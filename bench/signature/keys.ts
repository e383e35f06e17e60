import { generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import type { ServerConfig, SignatureAlg } from '../lib/server-config.js';

/** A key FusionAuth could sign webhooks with, and what the receiving side is configured with. */
export interface SigningKey {
  readonly alg: SignatureAlg;
  readonly kid: string;
  /** HS256: the shared secret (as entered in FusionAuth Key Master). */
  readonly secret?: string;
  /** RS256, ES256, EdDSA. */
  readonly privateKey?: KeyObject;
  /** What a server child is configured with. */
  readonly serverSignature: NonNullable<ServerConfig['signature']>;
}

/** A fresh key of `alg`, generated at run time. Two calls give two different keys with the same `kid`. */
export function generateSigningKey(alg: SignatureAlg): SigningKey {
  const kid = `bench-${alg.toLowerCase()}`;
  if (alg === 'HS256') {
    const secret = randomBytes(32).toString('base64');
    return { alg, kid, secret, serverSignature: { alg, kid, hmacSecret: secret } };
  }
  const { privateKey, publicKey } = generateKeyPair(alg);
  const publicJwk = { ...publicKey.export({ format: 'jwk' }), kid, alg, use: 'sig' };
  return { alg, kid, privateKey, serverSignature: { alg, kid, publicJwk } };
}

function generateKeyPair(alg: Exclude<SignatureAlg, 'HS256'>) {
  switch (alg) {
    case 'RS256':
      return generateKeyPairSync('rsa', { modulusLength: 2048 });
    case 'ES256':
      return generateKeyPairSync('ec', { namedCurve: 'P-256' });
    case 'EdDSA':
      return generateKeyPairSync('ed25519');
  }
}
