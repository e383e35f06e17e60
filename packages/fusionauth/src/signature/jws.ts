import { fromBase64url } from '@authhooks/core';

const decoder = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();
const base64url = /^[A-Za-z0-9_-]*$/;

/** A compact JWS taken apart, before any key is involved. */
export interface ParsedJws {
  readonly alg: string;
  readonly kid: string | undefined;
  /** `header.payload` as sent: what the signature covers. */
  readonly signingInput: Uint8Array;
  readonly signature: Uint8Array;
  readonly payload: Uint8Array;
}

/**
 * Structure and header of `X-FusionAuth-Signature-JWT`: three base64url parts, a JSON header with a
 * string `alg` (never `none`) and an optional string `kid`. `crit` (which could demand processing we do
 * not do, such as `b64: false`) is refused. Returns why it is not acceptable, for the log.
 */
export function parseJws(token: string): ParsedJws | string {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => base64url.test(part))) return 'not a compact JWS';
  const [header = '', payload = '', signature = ''] = parts;
  let fields: Record<string, unknown>;
  try {
    const decoded: unknown = JSON.parse(decoder.decode(fromBase64url(header)));
    if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded))
      return 'JWS header is not an object';
    fields = decoded as Record<string, unknown>;
  } catch {
    return 'JWS header is not JSON';
  }
  const { alg, kid } = fields;
  let signatureBytes: Uint8Array;
  let payloadBytes: Uint8Array;
  try {
    signatureBytes = fromBase64url(signature);
    payloadBytes = fromBase64url(payload);
  } catch {
    return 'not a compact JWS';
  }
  if (typeof alg !== 'string' || alg === '' || alg.toLowerCase() === 'none')
    return 'signature algorithm is not allowed';
  if (kid !== undefined && typeof kid !== 'string') return 'JWS header has an invalid kid';
  if (fields.crit !== undefined || fields.b64 !== undefined)
    return 'JWS header uses crit or b64, which are not supported';
  return {
    alg,
    kid,
    signingInput: encoder.encode(`${header}.${payload}`),
    signature: signatureBytes,
    payload: payloadBytes,
  };
}

/** The `request_body_sha256` claim of a verified payload, or why there is none. */
export function bodyClaim(payload: Uint8Array): { claim: string } | string {
  try {
    const claims: unknown = JSON.parse(decoder.decode(payload));
    const claim = (claims as { request_body_sha256?: unknown } | null)?.request_body_sha256;
    return typeof claim === 'string' ? { claim } : 'request_body_sha256 claim is missing';
  } catch {
    return 'signature payload is not JSON';
  }
}
