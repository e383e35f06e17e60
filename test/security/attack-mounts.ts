// The receivers the attack matrix runs against, their secrets, and how a genuine delivery looks for each.
import type { FusionWebhookOptions } from '@authhooks/fusionauth';
import { fusionSignature, rsaKey } from '../support/jws.js';

export type MountName = 'authorization' | 'basic' | 'hmac' | 'publicKeys';

export const authorizationToken = 'atk-5c1d0e2f9b7a4e38';
export const authorizationValue = `Bearer ${authorizationToken}`;
export const basicUsername = 'fusionauth';
/** A colon and non-ASCII characters, both allowed in a Basic password (RFC 7617). */
export const basicPassword = 'p:ss:wörd-€-密';
export const hmacSecret = 'hmac-secret-0f8e7d6c5b4a';
/** Configured as a PEM (no kid). */
export const keyA = rsaKey();
/** Configured as a JWK with `kid: key-b`. */
export const keyB = rsaKey();
export const keyBId = 'key-b';
/** Nobody configured this one. */
export const attackerKey = rsaKey();
export const maxBodyBytes = 64 * 1024;

export const basicCredentials = (user: string, password: string, encoding: BufferEncoding = 'utf8') =>
  `Basic ${Buffer.from(`${user}:${password}`, encoding).toString('base64')}`;

/** Every value that must never appear in an answer or a log line. */
export const secrets: readonly string[] = [
  authorizationValue,
  authorizationToken,
  basicPassword,
  basicCredentials(basicUsername, basicPassword).slice('Basic '.length),
  hmacSecret,
];

export const mountOptions: Readonly<Record<MountName, FusionWebhookOptions>> = {
  authorization: { authorization: authorizationValue, maxBodyBytes },
  basic: { basicAuth: { username: basicUsername, password: basicPassword }, maxBodyBytes },
  hmac: { signature: { hmacSecret }, maxBodyBytes },
  publicKeys: { signature: { publicKeys: [keyA.publicPem, keyB.publicJwk(keyBId)] }, maxBodyBytes },
};

export const mountNames = Object.keys(mountOptions) as MountName[];

/** A FusionAuth body with a fresh event id; `fields` are merged into the event. */
export function eventBody(fields: Record<string, unknown> = {}, type = 'user.delete'): string {
  return JSON.stringify({ event: { type, id: crypto.randomUUID(), user: { id: 'user-1' }, ...fields } });
}

export const jsonType: readonly [string, string] = ['content-type', 'application/json'];

/** The credentials header a genuine delivery to `mount` carries for `body`. */
export function credentials(mount: MountName, body: string | Uint8Array): [string, string] {
  switch (mount) {
    case 'authorization':
      return ['authorization', authorizationValue];
    case 'basic':
      return ['authorization', basicCredentials(basicUsername, basicPassword)];
    case 'hmac':
      return ['x-fusionauth-signature-jwt', fusionSignature(body, { hmac: hmacSecret })];
    case 'publicKeys':
      return [
        'x-fusionauth-signature-jwt',
        fusionSignature(body, { privateKey: keyB.privateKey }, { alg: 'RS256', header: { kid: keyBId } }),
      ];
  }
}

/** A genuine delivery to `mount`: answered 200 `handled` (a `user.delete` handler is registered). */
export function genuine(mount: MountName, body = eventBody()) {
  return { headers: [jsonType, credentials(mount, body)], body };
}
