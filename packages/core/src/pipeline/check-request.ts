import type { Delivery } from '../delivery.js';
import { isJsonContentType } from '../http/content-type.js';
import type { BodyVerifier, HeaderVerifier, VerificationResult, Verifier } from '../verify/types.js';

export interface RequestChecks {
  readonly headerVerifiers: readonly HeaderVerifier[];
  readonly bodyVerifiers: readonly BodyVerifier[];
  /** `WWW-Authenticate` for 401 answers (when HTTP Basic is configured). */
  readonly challenge: string | undefined;
  /** Some check needs the exact raw bytes, so a pre-parsed or decoded body cannot be accepted. */
  readonly needsRawBytes: boolean;
}

export function requestChecks(verifiers: readonly Verifier[]): RequestChecks {
  const headerVerifiers = verifiers.filter((v): v is HeaderVerifier => v.kind === 'headers');
  const bodyVerifiers = verifiers.filter((v): v is BodyVerifier => v.kind === 'body');
  return {
    headerVerifiers,
    bodyVerifiers,
    challenge: headerVerifiers.find((v) => v.challenge !== undefined)?.challenge,
    needsRawBytes: bodyVerifiers.length > 0 || headerVerifiers.some((v) => v.bindsBody === true),
  };
}

/**
 * Method, content type and every check that needs no body, in that order, before a byte of the body
 * is read: an unauthenticated request never costs a body read. Ends the delivery on the first failure.
 */
export function checkRequest(delivery: Delivery, checks: RequestChecks): void | Promise<void> {
  if (delivery.method !== 'POST' && delivery.method.toUpperCase() !== 'POST') {
    delivery.end('method_not_allowed', `method ${delivery.method} is not allowed; send POST`);
    return;
  }
  if (!isJsonContentType(delivery.headers.get('content-type'))) {
    delivery.end('unsupported_media_type', 'content type must be application/json');
    return;
  }
  // Signatures cover the bytes on the wire, and a parser mounted before the webhook (express.json())
  // would inflate them first; the providers never compress, so neither can be right.
  const encoding = delivery.headers.get('content-encoding');
  if (encoding !== null && encoding.trim().toLowerCase() !== 'identity') {
    delivery.end('unsupported_media_type', 'content encoding must be identity: send the body uncompressed');
    return;
  }
  for (const verifier of checks.bodyVerifiers) {
    if (verifier.precheck === undefined) continue;
    if (!accept(delivery, verifier, verifier.precheck(delivery.headers), checks)) return;
  }
  return verifyHeaders(delivery, checks, 0);
}

function verifyHeaders(delivery: Delivery, checks: RequestChecks, from: number): void | Promise<void> {
  const verifiers = checks.headerVerifiers;
  for (let i = from; i < verifiers.length; i++) {
    const verifier = verifiers[i] as HeaderVerifier;
    const result = verifier.verify(delivery.headers);
    if (result instanceof Promise) {
      return result.then((settled) => {
        if (accept(delivery, verifier, settled, checks)) return verifyHeaders(delivery, checks, i + 1);
      });
    }
    if (!accept(delivery, verifier, result, checks)) return;
  }
}

/** Records a check's result on the delivery; false when it ended the delivery. */
export function accept(
  delivery: Delivery,
  verifier: Verifier,
  result: VerificationResult,
  checks: RequestChecks,
): boolean {
  if (result.ok) {
    if (result.bodyDigest !== undefined) {
      delivery.digests ??= [];
      delivery.digests.push({ claim: result.bodyDigest, check: verifier.check });
    }
    return true;
  }
  if (result.unavailable === true) {
    delivery.end('unavailable', `${verifier.check} check could not run`, result.reason);
  } else {
    delivery.end('unauthorized', `${verifier.check} check failed`, result.reason);
    delivery.challenge = checks.challenge;
  }
  return false;
}
