import { fromBase64 } from '../encoding.js';
import { nodeCrypto } from '../runtime/node-builtins.js';
import { timingSafeEqual } from './constant-time.js';
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
const digestLength: Readonly<Record<HmacHash, number>> = { 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 };

/**
 * HMAC of the exact raw body bytes. The header's presence and shape are checked before the body is
 * read; the MAC is computed synchronously with `node:crypto` where it exists (keys imported once) and
 * with Web Crypto elsewhere, and compared in constant time either way.
 */
export function hmacSignatureVerifier(options: HmacSignatureOptions): BodyVerifier {
  const { header, hash = 'SHA-256', encoding, prefix = '' } = options;
  const name = header.toLowerCase();
  const secrets = nonEmptyList(options.secrets, `the HMAC secret for header "${header}"`);
  const mac = nodeCrypto === undefined ? webMac(secrets, hash) : nodeMac(secrets, hash);

  const signatureOf = (value: string | null) => {
    if (value === null || !value.startsWith(prefix)) return undefined;
    const signature = decodeSignature(value.slice(prefix.length).trim(), encoding);
    return signature?.length === digestLength[hash] ? signature : undefined;
  };

  return {
    kind: 'body',
    check: 'signature',
    precheck(headers) {
      const value = headers.get(name);
      if (value === null) return failed(`missing ${name} header`);
      return signatureOf(value) === undefined ? failed(`${name} header is malformed`) : verified;
    },
    verify(headers, rawBody) {
      const signature = signatureOf(headers.get(name));
      if (signature === undefined) return failed(`${name} header is missing or malformed`);
      const result = mac(signature, rawBody);
      const answer = (ok: boolean) => (ok ? verified : failed(`${name} signature does not match the body`));
      return typeof result === 'boolean' ? answer(result) : result.then(answer);
    },
  };
}

type MacCheck = (signature: Uint8Array, body: Uint8Array) => boolean | Promise<boolean>;

function nodeMac(secrets: readonly string[], hash: HmacHash): MacCheck {
  const node = nodeCrypto as NonNullable<typeof nodeCrypto>;
  const algorithm = hash.replace('-', '').toLowerCase();
  const keys = secrets.map((secret) => node.createSecretKey(encoder.encode(secret)));
  return (signature, body) => {
    let matched = false;
    for (const key of keys) {
      matched = timingSafeEqual(signature, node.createHmac(algorithm, key).update(body).digest()) || matched;
    }
    return matched;
  };
}

function webMac(secrets: readonly string[], hash: HmacHash): MacCheck {
  const keys = secrets.map((secret) =>
    crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash }, false, ['verify']),
  );
  return async (signature, body) => {
    let matched = false;
    for (const key of keys) {
      const ok = await crypto.subtle.verify(
        'HMAC',
        await key,
        signature as Uint8Array<ArrayBuffer>,
        body as Uint8Array<ArrayBuffer>,
      );
      matched = ok || matched;
    }
    return matched;
  };
}

function decodeSignature(text: string, encoding: 'hex' | 'base64'): Uint8Array<ArrayBuffer> | undefined {
  if (encoding === 'hex') {
    if (!/^(?:[0-9a-fA-F]{2})+$/.test(text)) return undefined;
    // Digits checked above: one subtraction per character instead of a slice and parseInt per byte.
    const bytes = new Uint8Array(text.length / 2);
    for (let i = 0; i < bytes.length; i++)
      bytes[i] = (hexDigit(text.charCodeAt(i * 2)) << 4) | hexDigit(text.charCodeAt(i * 2 + 1));
    return bytes;
  }
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return undefined;
  try {
    return fromBase64(text);
  } catch {
    return undefined;
  }
}

/** The value of a character known to be a hex digit (0-9, a-f, A-F). */
function hexDigit(code: number): number {
  return code <= 57 ? code - 48 : (code | 32) - 87;
}
