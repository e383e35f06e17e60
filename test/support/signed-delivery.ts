import { createHash, createHmac, randomUUID } from 'node:crypto';

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/** FusionAuth's `X-FusionAuth-Signature-JWT` for an HMAC signing key: HS256 over `request_body_sha256`. */
export function fusionAuthHs256(body: string, secret: string): string {
  const digest = createHash('sha256').update(body).digest('base64');
  const input = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify({ request_body_sha256: digest }))}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

/** A `user.delete` (or `user.delete.complete`) delivery as FusionAuth sends it, signed with `secret`. */
export function signedUserDelete(
  secret: string,
  eventId: string = randomUUID(),
  type: 'user.delete' | 'user.delete.complete' = 'user.delete',
) {
  const body = JSON.stringify({
    event: {
      type,
      id: eventId,
      createInstant: Date.now(),
      user: { id: randomUUID(), email: 'ada@example.com' },
    },
  });
  return {
    eventId,
    body,
    headers: {
      'content-type': 'application/json',
      'x-fusionauth-signature-jwt': fusionAuthHs256(body, secret),
    },
  };
}
