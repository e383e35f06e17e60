import {
  createHash,
  createHmac,
  createPublicKey,
  type KeyObject,
  timingSafeEqual,
  verify,
} from 'node:crypto';
import type { ServerConfig } from '../lib/server-config.js';

type SignatureConfig = NonNullable<ServerConfig['signature']>;

/**
 * What a careful team writes with node:crypto alone for `X-FusionAuth-Signature-JWT`: the algorithm and
 * kid are pinned to the configured key, the signature is checked before the body is read, and both
 * comparisons are constant-time.
 */
export function handWrittenVerifier(config: SignatureConfig) {
  const hmacSecret = config.hmacSecret === undefined ? undefined : Buffer.from(config.hmacSecret);
  const publicKey =
    config.publicJwk === undefined ? undefined : createPublicKey({ key: config.publicJwk, format: 'jwk' });

  /** The token's `request_body_sha256` claim if its signature verifies, otherwise undefined. */
  function verifyToken(token: string | undefined): string | undefined {
    const parts = token?.split('.');
    if (parts?.length !== 3) return undefined;
    const [encodedHeader = '', encodedPayload = '', encodedSignature = ''] = parts;
    const header = decodeJson(encodedHeader);
    if (header?.alg !== config.alg || header.kid !== config.kid) return undefined;
    const input = Buffer.from(`${encodedHeader}.${encodedPayload}`);
    if (!signatureMatches(input, Buffer.from(encodedSignature, 'base64url'))) return undefined;
    const claim = decodeJson(encodedPayload)?.request_body_sha256;
    return typeof claim === 'string' ? claim : undefined;
  }

  function signatureMatches(input: Buffer, signature: Buffer): boolean {
    switch (config.alg) {
      case 'HS256':
        return (
          hmacSecret !== undefined &&
          equal(createHmac('sha256', hmacSecret).update(input).digest(), signature)
        );
      case 'RS256':
        return verify('sha256', input, key(), signature);
      case 'ES256':
        return verify('sha256', input, { key: key(), dsaEncoding: 'ieee-p1363' }, signature);
      case 'EdDSA':
        return verify(null, input, key(), signature);
    }
  }

  function key(): KeyObject {
    if (publicKey === undefined) throw new Error(`${config.alg} needs a public key`);
    return publicKey;
  }

  function bodyMatches(claim: string, body: Buffer): boolean {
    return equal(Buffer.from(claim), Buffer.from(createHash('sha256').update(body).digest('base64')));
  }

  return { verifyToken, bodyMatches };
}

function equal(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

function decodeJson(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
