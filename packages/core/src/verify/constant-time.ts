import { toHex } from '../encoding.js';
import { digest } from './digest.js';

const encoder = new TextEncoder();

const toBytes = (value: Uint8Array | string) => (typeof value === 'string' ? encoder.encode(value) : value);

/**
 * Compares what a request sent with a configured secret without leaking where they differ: every
 * unit of `expected` is visited whatever `actual` holds, so the time depends only on the secret's
 * length, a constant of the configuration, never on the attacker's input. Two strings are compared
 * by UTF-16 code unit (no encoding per request); anything else as bytes.
 */
export function timingSafeEqual(actual: Uint8Array | string, expected: Uint8Array | string): boolean {
  if (typeof actual === 'string' && typeof expected === 'string') {
    let diff = actual.length ^ expected.length;
    for (let i = 0; i < expected.length; i++) {
      diff |= expected.charCodeAt(i) ^ (i < actual.length ? actual.charCodeAt(i) : 0);
    }
    return diff === 0;
  }
  const a = toBytes(actual);
  const e = toBytes(expected);
  let diff = a.length ^ e.length;
  for (let i = 0; i < e.length; i++) diff |= (e[i] as number) ^ (i < a.length ? (a[i] as number) : 0);
  return diff === 0;
}

/** True when `actual` equals any of `candidates`; every candidate is compared, so timing does not reveal which. */
export function matchesAny(
  actual: string | Uint8Array,
  candidates: readonly (string | Uint8Array)[],
): boolean {
  let matched = false;
  for (const candidate of candidates) matched = timingSafeEqual(actual, candidate) || matched;
  return matched;
}

export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  return toHex(await digest('SHA-256', toBytes(data)));
}

export async function sha256(data: Uint8Array | string): Promise<Uint8Array> {
  return digest('SHA-256', toBytes(data));
}
