import { nodeBuffer } from './runtime/node-builtins.js';

/** Byte ↔ text encodings: Node's Buffer where it exists (much faster), Web APIs elsewhere (Workers). */
const NodeBuffer = nodeBuffer?.Buffer;

export function toHex(bytes: Uint8Array): string {
  if (NodeBuffer !== undefined)
    return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Standard Base64 with padding. */
export function toBase64(bytes: Uint8Array): string {
  if (NodeBuffer !== undefined) {
    return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  }
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Decodes standard Base64; throws on text that is not Base64. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const base64urlText = /^[A-Za-z0-9_-]*$/;

/**
 * Decodes unpadded base64url (RFC 7515, as in a JWS); throws on any other character or on a length no
 * encoding produces.
 */
export function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  if (!base64urlText.test(text) || text.length % 4 === 1) throw new TypeError('not base64url');
  if (NodeBuffer !== undefined) {
    const decoded = NodeBuffer.from(text, 'base64url');
    // A plain Uint8Array view, so `slice()` copies as it does on every other Uint8Array.
    return new Uint8Array(decoded.buffer as ArrayBuffer, decoded.byteOffset, decoded.byteLength);
  }
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  return fromBase64(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
}
