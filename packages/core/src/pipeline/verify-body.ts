import type { Delivery } from '../delivery.js';
import { digestMatches } from '../verify/digest.js';
import type { BodyDigest } from '../verify/types.js';
import { accept, type RequestChecks } from './check-request.js';

/**
 * The checks that need the exact bytes: the digests header checks claimed for the body, then the body
 * verifiers (an HMAC over the body). Ends the delivery on the first failure.
 */
export function verifyBody(delivery: Delivery, checks: RequestChecks): void | Promise<void> {
  const digests = delivery.digests;
  if (digests !== undefined) {
    for (let i = 0; i < digests.length; i++) {
      const pending = digests[i] as { claim: BodyDigest; check: string };
      const matches = digestMatches(pending.claim, delivery.rawBody);
      if (matches instanceof Promise) {
        return matches.then((ok) => {
          if (!ok) return mismatch(delivery, pending, checks);
          delivery.digests = digests.slice(i + 1);
          return verifyBody(delivery, checks);
        });
      }
      if (!matches) return mismatch(delivery, pending, checks);
    }
  }
  return runBodyVerifiers(delivery, checks, 0);
}

function mismatch(
  delivery: Delivery,
  { claim, check }: { claim: BodyDigest; check: string },
  checks: RequestChecks,
): void {
  delivery.end('unauthorized', `${check} check failed`, claim.mismatch);
  delivery.challenge = checks.challenge;
}

function runBodyVerifiers(delivery: Delivery, checks: RequestChecks, from: number): void | Promise<void> {
  const verifiers = checks.bodyVerifiers;
  for (let i = from; i < verifiers.length; i++) {
    const verifier = verifiers[i] as (typeof verifiers)[number];
    const result = verifier.verify(delivery.headers, delivery.rawBody);
    if (result instanceof Promise) {
      return result.then((settled) => {
        if (accept(delivery, verifier, settled, checks)) return runBodyVerifiers(delivery, checks, i + 1);
      });
    }
    if (!accept(delivery, verifier, result, checks)) return;
  }
}
