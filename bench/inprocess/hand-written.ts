import { createHmac, timingSafeEqual } from 'node:crypto';
import { authorizationKey } from '../lib/constants.js';
import { touchUserId } from '../lib/touch.js';

/** A candidate in-process: gets the request's headers and raw body, returns the HTTP status it would answer. */
export type InProcessCandidate = (
  headers: Readonly<Record<string, string>>,
  body: Uint8Array,
) => Promise<number>;

type Pick = (event: Record<string, unknown>) => unknown;

const decoder = new TextDecoder();

/** The hand-written FusionAuth route without HTTP: `===` on the Authorization header, JSON.parse, the handler. */
export function handWrittenFusionAuth(pickUserId: Pick): InProcessCandidate {
  return async (headers, body) => {
    if (headers.authorization !== authorizationKey) return 401;
    const parsed = JSON.parse(decoder.decode(body)) as { event?: Record<string, unknown> };
    touchUserId(pickUserId(parsed.event ?? {}));
    return 200;
  };
}

/** The hand-written Logto route: HMAC-SHA256 of the raw body, constant-time, then JSON.parse and the handler. */
export function handWrittenLogto(signingKey: string, pickUserId: Pick): InProcessCandidate {
  return async (headers, body) => {
    const expected = createHmac('sha256', signingKey).update(body).digest();
    const given = Buffer.from(headers['logto-signature-sha-256'] ?? '', 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 401;
    touchUserId(pickUserId(JSON.parse(decoder.decode(body)) as Record<string, unknown>));
    return 200;
  };
}
