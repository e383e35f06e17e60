import {
  createHash,
  createHmac,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
} from 'node:crypto';

/**
 * Builds `X-FusionAuth-Signature-JWT` tokens the way an attacker would: any header, any payload, any
 * key, with node:crypto only (independent of the verifier under test).
 */
export type SigningKey = { readonly hmac: string | Uint8Array } | { readonly privateKey: KeyObject };

export const base64url = (data: string | Uint8Array): string => Buffer.from(data).toString('base64url');

/** The SHA-256 of the body as FusionAuth writes it (padded standard base64), or in another encoding. */
export function bodyDigest(
  body: string | Uint8Array,
  encoding: 'base64' | 'base64url' | 'hex' = 'base64',
): string {
  return createHash('sha256').update(body).digest(encoding);
}

const hashOf = (alg: string) => `sha${alg.slice(2)}`;

/** A compact JWS over `header.payload`; `alg` in the header decides how it is signed ('none': empty). */
export function signJws(header: Record<string, unknown>, payload: unknown, key: SigningKey): string {
  const encodedPayload = base64url(typeof payload === 'string' ? payload : JSON.stringify(payload));
  const input = `${base64url(JSON.stringify(header))}.${encodedPayload}`;
  const alg = String(header.alg);
  let signature: Uint8Array;
  if (alg.toLowerCase() === 'none') signature = new Uint8Array(0);
  else if ('hmac' in key) signature = createHmac(hashOf(alg), key.hmac).update(input).digest();
  else if (alg.startsWith('ES'))
    signature = sign(hashOf(alg), Buffer.from(input), { key: key.privateKey, dsaEncoding: 'ieee-p1363' });
  else if (alg === 'EdDSA') signature = sign(null, Buffer.from(input), key.privateKey);
  else signature = sign(hashOf(alg), Buffer.from(input), key.privateKey);
  return `${input}.${base64url(signature)}`;
}

/** A FusionAuth-shaped signature of `body`: `{ request_body_sha256 }` signed with `key`. */
export function fusionSignature(
  body: string | Uint8Array,
  key: SigningKey,
  { alg = 'HS256', header = {} }: { alg?: string; header?: Record<string, unknown> } = {},
): string {
  return signJws({ alg, typ: 'JWT', ...header }, { request_body_sha256: bodyDigest(body) }, key);
}

export interface RsaKey {
  readonly privateKey: KeyObject;
  /** SPKI PEM, as FusionAuth Key Master shows it. */
  readonly publicPem: string;
  publicJwk(kid: string): Record<string, unknown>;
}

export function rsaKey(): RsaKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return keyPair(privateKey, publicKey);
}

export function ecKey(): RsaKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return keyPair(privateKey, publicKey);
}

function keyPair(privateKey: KeyObject, publicKey: KeyObject): RsaKey {
  return {
    privateKey,
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    publicJwk: (kid) => ({ ...createPublicKey(privateKey).export({ format: 'jwk' }), kid, use: 'sig' }),
  };
}
