import type { HeaderReader } from '../http/headers.js';

export type VerificationResult =
  | { readonly ok: true }
  /**
   * `reason` is short, safe to send back and to log: it names what failed, never the expected value.
   * `unavailable` means the check could not run (e.g. JWKS unreachable): answered 503, not 401.
   */
  | { readonly ok: false; readonly reason: string; readonly unavailable?: boolean };

/** Runs before the body is read, so an unauthenticated request never costs a body read. */
export interface HeaderVerifier {
  readonly kind: 'headers';
  readonly name: string;
  /** Sent as `WWW-Authenticate` when this check fails (HTTP Basic). */
  readonly challenge?: string;
  verify(headers: HeaderReader): VerificationResult | Promise<VerificationResult>;
}

/** Needs the exact raw bytes (signatures). Never given re-serialised JSON. */
export interface BodyVerifier {
  readonly kind: 'body';
  readonly name: string;
  verify(headers: HeaderReader, rawBody: Uint8Array): VerificationResult | Promise<VerificationResult>;
}

export type Verifier = HeaderVerifier | BodyVerifier;

export const verified: VerificationResult = Object.freeze({ ok: true });

export function failed(reason: string): VerificationResult {
  return { ok: false, reason };
}
