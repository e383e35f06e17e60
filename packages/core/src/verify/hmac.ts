import { fromBase64 } from '../encoding.js';
import { nonEmptyList } from './list.js';
import { type BodyVerifier, failed, verified } from './types.js';

export type HmacHash = 'SHA-256' | 'SHA-384' | 'SHA-512';

export interface HmacSignatureOptions {
  /** Header carrying the signature, case-insensitive. */
  readonly header: string;
  /** Shared secret(s), as UTF-8 text; several during a rotation. */
  readonly secrets: string | readonly string[];
  readonly hash?: HmacHash;
  /** How the signature is written in the header. */
  readonly encoding: 'hex' | 'base64';
  /** A fixed prefix before the digest, e.g. `sha256=`. */
  readonly prefix?: string;
}

const encoder = new TextEncoder();

/**
 * HMAC of the exact raw body bytes. Verification uses `crypto.subtle.verify`, which compares in
 * constant time; a malformed header is refused before any crypto runs.
 */
export function hmacSignatureVerifier(options: HmacSignatureOptions): BodyVerifier {
  const { header, hash = 'SHA-256', encoding, prefix = '' } = options;
  const name = header.toLowerCase();
  const keys = nonEmptyList(options.secrets, `the HMAC secret for header "${header}"`).map((secret) =>
    crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash }, false, ['verify']),
  );
  const digestBytes = { 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 }[hash];
  return {
    kind: 'body',
    name: `${name} signature`,
    async verify(headers, rawBody) {
      const value = headers.get(name);
      if (value === null) return failed(`missing ${name} header`);
      if (!value.startsWith(prefix)) return failed(`${name} header is malformed`);
      const signature = decodeSignature(value.slice(prefix.length).trim(), encoding);
      if (signature?.length !== digestBytes) return failed(`${name} header is malformed`);
      for (const key of keys) {
        if (await crypto.subtle.verify('HMAC', await key, signature, rawBody as Uint8Array<ArrayBuffer>)) {
          return verified;
        }
      }
      return failed(`${name} signature does not match the body`);
    },
  };
}

function decodeSignature(text: string, encoding: 'hex' | 'base64'): Uint8Array<ArrayBuffer> | undefined {
  if (encoding === 'hex') {
    if (!/^(?:[0-9a-fA-F]{2})+$/.test(text)) return undefined;
    const bytes = new Uint8Array(text.length / 2);
    for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(text.slice(i * 2, i * 2 + 2), 16);
    return bytes;
  }
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return undefined;
  try {
    return fromBase64(text);
  } catch {
    return undefined;
  }
}
