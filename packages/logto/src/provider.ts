import { digest, hmacSignatureVerifier, type Located, type Provider, toHex } from '@authhooks/core';
import { logtoEvents } from './catalog.js';
import type { LogtoEventMap } from './events/index.js';
import type { LogtoContext, LogtoOptions } from './options.js';
import { isLogtoTestPayload } from './test-payload.js';

export type LogtoProvider = Provider<LogtoEventMap, LogtoContext>;

export const signatureHeader = 'logto-signature-sha-256';

/**
 * The Logto provider. Logto sends no event id, so the idempotency key is the SHA-256 of the raw
 * body: byte-identical deliveries (a replay) are duplicates; Logto itself does not retry.
 */
export function logto(options: LogtoOptions = {}): LogtoProvider {
  const signingKeys = options.signingKey ?? keysFromEnvironment(options.env);
  if (signingKeys === undefined && options.allowUnauthenticated !== true) {
    throw new TypeError(
      'authhooks: logto() needs the webhook signing key: copy it from the Logto Console (Webhooks → your webhook → ' +
        'Signing key) and pass signingKey, or set LOGTO_WEBHOOK_SIGNING_KEY (allowUnauthenticated: true only for local experiments).',
    );
  }
  const acceptTestPayloads = options.acceptTestPayloads ?? true;
  return {
    ...logtoEvents,
    // Logto waits 10 s for an answer (FusionAuth's 1 800 ms default would cut handlers off early).
    defaultTimeoutMs: 9_000,
    verifiers:
      signingKeys === undefined
        ? []
        : [hmacSignatureVerifier({ header: signatureHeader, secrets: signingKeys, encoding: 'hex' })],
    allowUnauthenticated: options.allowUnauthenticated === true,
    locate,
    eventId: (_event, rawBody) => {
      const hash = digest('SHA-256', rawBody);
      return hash instanceof Uint8Array ? toHex(hash) : hash.then(toHex);
    },
    exclude: (event) => (acceptTestPayloads && isLogtoTestPayload(event) ? 'Logto test payload' : undefined),
  };
}

function locate(body: unknown): Located {
  const expected = 'expected a Logto webhook body {"event": "<EventName>", "hookId": …, "createdAt": …}';
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { problem: `body is not a JSON object; ${expected}` };
  }
  const event = (body as { event?: unknown }).event;
  if (typeof event !== 'string' || event === '')
    return { problem: `"event" is missing or not a string; ${expected}` };
  return { event: body as Record<string, unknown>, type: event };
}

function keysFromEnvironment(
  env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env,
) {
  const keys = env?.LOGTO_WEBHOOK_SIGNING_KEY?.split(',')
    .map((key) => key.trim())
    .filter(Boolean);
  return keys && keys.length > 0 ? keys : undefined;
}
