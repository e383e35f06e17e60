import { toHex } from '@authhooks/core';

const encoder = new TextEncoder();

/**
 * The `logto-signature-sha-256` value Logto would send for `body`: lowercase hex HMAC-SHA256 keyed
 * with the signing key. For tests of your own handlers.
 */
export async function signLogtoPayload(body: string | Uint8Array, signingKey: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(signingKey),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const bytes = typeof body === 'string' ? encoder.encode(body) : body;
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, bytes as Uint8Array<ArrayBuffer>));
  return toHex(mac);
}
