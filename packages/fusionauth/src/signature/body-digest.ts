import { sha256, timingSafeEqual, toBase64 } from '@authhooks/core';

/** FusionAuth's `request_body_sha256`: standard Base64 (with padding) of the SHA-256 of the raw bytes. */
export async function bodyDigestMatches(claim: string, rawBody: Uint8Array): Promise<boolean> {
  return timingSafeEqual(claim, toBase64(await sha256(rawBody)));
}
