import { createHash } from 'node:crypto';
import { CompactSign, type CryptoKey, exportJWK, generateKeyPair, type JWK } from 'jose';

/** FusionAuth's claim: standard Base64 SHA-256 of the exact bytes. */
export function bodySha256(body: Uint8Array | string, encoding: 'base64' | 'hex' | 'base64url' = 'base64') {
  return createHash('sha256').update(body).digest(encoding);
}

/** An `X-FusionAuth-Signature-JWT` value for `body`, signed like FusionAuth does (alg, typ, kid). */
export async function signFusionAuthBody(
  body: Uint8Array | string,
  key: CryptoKey | Uint8Array,
  { alg, kid, claims }: { alg: string; kid?: string; claims?: Record<string, unknown> },
): Promise<string> {
  const payload = JSON.stringify(claims ?? { request_body_sha256: bodySha256(body) });
  return new CompactSign(new TextEncoder().encode(payload))
    .setProtectedHeader({ alg, typ: 'JWT', ...(kid !== undefined && { kid }) })
    .sign(key);
}

export interface TestKey {
  readonly alg: string;
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly jwk: JWK;
}

export async function testKey(
  alg: string,
  kid = `${alg}-${crypto.randomUUID().slice(0, 8)}`,
): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { alg, kid, privateKey, publicKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}
