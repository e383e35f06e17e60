const encoder = new TextEncoder();
const base64url = (bytes: Uint8Array | string) =>
  Buffer.from(typeof bytes === 'string' ? encoder.encode(bytes) : bytes).toString('base64url');

/**
 * An HS256 `X-FusionAuth-Signature-JWT` for `body`, as FusionAuth sends it: the standard Base64
 * SHA-256 of the exact bytes in `request_body_sha256`. Built with Web Crypto only, independent of the
 * verifier under test.
 */
export async function hs256Signature(body: string | Uint8Array, secret: string): Promise<string> {
  const bytes = typeof body === 'string' ? encoder.encode(body) : body;
  const digest = Buffer.from(
    await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>),
  ).toString('base64');
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const input = `${header}.${base64url(JSON.stringify({ request_body_sha256: digest }))}`;
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return `${input}.${base64url(new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(input))))}`;
}
