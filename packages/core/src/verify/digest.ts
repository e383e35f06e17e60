import { toBase64, toHex } from '../encoding.js';
import { nodeCrypto } from '../runtime/node-builtins.js';
import { timingSafeEqual } from './constant-time.js';
import type { BodyDigest, DigestAlgorithm } from './types.js';

const nodeNames: Readonly<Record<DigestAlgorithm, string>> = {
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};

/** A hash of the bytes: synchronous with `node:crypto`, a Web Crypto promise elsewhere. */
export function digest(algorithm: DigestAlgorithm, bytes: Uint8Array): Uint8Array | Promise<Uint8Array> {
  if (nodeCrypto !== undefined) return nodeCrypto.createHash(nodeNames[algorithm]).update(bytes).digest();
  return crypto.subtle
    .digest(algorithm, bytes as Uint8Array<ArrayBuffer>)
    .then((buffer) => new Uint8Array(buffer));
}

export function encodeDigest(bytes: Uint8Array, encoding: BodyDigest['encoding']): string {
  if (encoding === 'hex') return toHex(bytes);
  const base64 = toBase64(bytes);
  return encoding === 'base64' ? base64 : base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Whether the raw bytes have the digest a header check claimed for them (constant-time compare). */
export function digestMatches(claim: BodyDigest, rawBody: Uint8Array): boolean | Promise<boolean> {
  const computed = digest(claim.algorithm, rawBody);
  const compare = (bytes: Uint8Array) => timingSafeEqual(claim.expected, encodeDigest(bytes, claim.encoding));
  return computed instanceof Uint8Array ? compare(computed) : computed.then(compare);
}
