import type { HeaderReader } from '../http/headers.js';

export type DigestAlgorithm = 'SHA-256' | 'SHA-384' | 'SHA-512';

/**
 * What a header check still needs from the body once its signature verified: FusionAuth's JWT signs
 * only `request_body_sha256`, so the JWS is checked before a byte of the body is read and this
 * digest after. Compared in constant time with the digest of the exact raw bytes.
 */
export interface BodyDigest {
  readonly algorithm: DigestAlgorithm;
  readonly encoding: 'base64' | 'base64url' | 'hex';
  /** The digest the request claims. */
  readonly expected: string;
  /** Logged when the bytes do not match (the answer names only the check). */
  readonly mismatch: string;
}

export type VerificationResult =
  | { readonly ok: true; readonly bodyDigest?: BodyDigest | undefined }
  /**
   * `reason` says why, for the log only: the 401 answer names the check, never the reason, so it is
   * no oracle. `unavailable` means the check could not run (e.g. JWKS unreachable): 503, not 401.
   */
  | { readonly ok: false; readonly reason: string; readonly unavailable?: boolean };

interface VerifierBase {
  /** Named in the 401 answer as `"<check> check failed"` (`authorization`, `signature`, a header name). */
  readonly check: string;
}

/** Runs before the body is read, so an unauthenticated request never costs a body read. */
export interface HeaderVerifier extends VerifierBase {
  readonly kind: 'headers';
  /** Sent as `WWW-Authenticate` when this check fails (HTTP Basic). */
  readonly challenge?: string;
  /** True when a passing result carries a `bodyDigest`: the exact raw bytes are then required. */
  readonly bindsBody?: boolean;
  verify(headers: HeaderReader): VerificationResult | Promise<VerificationResult>;
}

/** Needs the exact raw bytes (an HMAC over the body). Never given re-serialised JSON or decoded text. */
export interface BodyVerifier extends VerifierBase {
  readonly kind: 'body';
  /** The part that needs no body (the header is there and well-formed), run before the body is read. */
  precheck?(headers: HeaderReader): VerificationResult;
  verify(headers: HeaderReader, rawBody: Uint8Array): VerificationResult | Promise<VerificationResult>;
}

export type Verifier = HeaderVerifier | BodyVerifier;

export const verified: VerificationResult = Object.freeze({ ok: true });

export function failed(reason: string): VerificationResult {
  return { ok: false, reason };
}
