import { createHash, createHmac, sign } from 'node:crypto';
import type { SigningKey } from './keys.js';

/**
 * `X-FusionAuth-Signature-JWT` as FusionAuth sends it: header `{alg, typ: 'JWT', kid}`, payload
 * `{"request_body_sha256": <standard padded Base64 of the SHA-256 of the raw body>}`.
 */
export function signFusionAuthBody(body: Buffer, key: SigningKey): string {
  const header = base64url(JSON.stringify({ alg: key.alg, typ: 'JWT', kid: key.kid }));
  const payload = base64url(
    JSON.stringify({ request_body_sha256: createHash('sha256').update(body).digest('base64') }),
  );
  const input = Buffer.from(`${header}.${payload}`);
  return `${header}.${payload}.${signature(input, key).toString('base64url')}`;
}

function signature(input: Buffer, key: SigningKey): Buffer {
  if (key.alg === 'HS256')
    return createHmac('sha256', key.secret ?? '')
      .update(input)
      .digest();
  if (key.privateKey === undefined) throw new Error(`${key.alg} key without a private key`);
  switch (key.alg) {
    case 'RS256':
      return sign('sha256', input, key.privateKey);
    case 'ES256':
      return sign('sha256', input, { key: key.privateKey, dsaEncoding: 'ieee-p1363' });
    case 'EdDSA':
      return sign(null, input, key.privateKey);
  }
}

/** GitHub's `x-hub-signature-256`: `sha256=` and the hex HMAC-SHA256 of the raw body. */
export function signGitHubBody(body: Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}
