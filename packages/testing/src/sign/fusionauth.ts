import { sha256, toBase64 } from '@authhooks/core';
import { CompactSign } from 'jose';
import { type FusionAuthSigningKey, resolveSigningKey } from './signing-key.js';

export const fusionAuthSignatureHeader = 'x-fusionauth-signature-jwt';

const encoder = new TextEncoder();

/**
 * The `X-FusionAuth-Signature-JWT` FusionAuth sends with `body` when the webhook signs its events:
 * a JWS with header `{"alg","typ":"JWT","kid"}` and payload `{"request_body_sha256": <standard
 * Base64, padded, of the SHA-256 of the body bytes>}`, byte for byte as FusionAuth's JWT library writes it.
 * @example await fetch(url, { method: 'POST', body, headers: { ...(await signFusionAuthRequest(body, key)) } })
 */
export async function signFusionAuthRequest(
  body: string | Uint8Array,
  key: FusionAuthSigningKey,
): Promise<{ 'x-fusionauth-signature-jwt': string }> {
  const { alg, kid, key: signingKey } = await resolveSigningKey(key);
  const bytes = typeof body === 'string' ? encoder.encode(body) : body;
  const payload = JSON.stringify({ request_body_sha256: toBase64(await sha256(bytes)) });
  const jwt = await new CompactSign(encoder.encode(payload))
    .setProtectedHeader({ alg, typ: 'JWT', ...(kid !== undefined && { kid }) })
    .sign(signingKey);
  return { [fusionAuthSignatureHeader]: jwt } as { 'x-fusionauth-signature-jwt': string };
}
