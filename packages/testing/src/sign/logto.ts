import { signatureHeader, signLogtoPayload } from '@authhooks/logto';

/**
 * The `logto-signature-sha-256` header Logto sends with `body`: lowercase hex HMAC-SHA256 of the
 * body bytes, keyed with the webhook's signing key.
 */
export async function signLogtoRequest(
  body: string | Uint8Array,
  signingKey: string,
): Promise<{ 'logto-signature-sha-256': string }> {
  if (typeof signingKey !== 'string' || signingKey.length === 0) {
    throw new TypeError(
      "authhooks: signLogtoRequest needs the webhook's signing key (Logto Console → Webhooks → Signing key).",
    );
  }
  return { [signatureHeader]: await signLogtoPayload(body, signingKey) } as {
    'logto-signature-sha-256': string;
  };
}
