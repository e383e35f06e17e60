import { sha256, timingSafeEqual } from '@authhooks/core';

/** FusionAuth's `request_body_sha256`: standard Base64 (with padding) of the SHA-256 of the raw bytes. */
export async function bodyDigestMatches(claim: string, rawBody: Uint8Array): Promise<boolean> {
  const digest = await sha256(rawBody);
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return timingSafeEqual(claim, btoa(binary));
}
