import { expect } from 'vitest';
import { signedUserDelete } from '../support/signed-delivery.js';

export const secrets = { AUTHORIZATION: 'runtime-authorization-value', HMAC_SECRET: 'runtime-hmac-secret' };

const json = { 'content-type': 'application/json' };
const authed = { ...json, authorization: secrets.AUTHORIZATION };
const userDelete = (id: string) =>
  JSON.stringify({ event: { type: 'user.delete', id, createInstant: 1, user: { id: 'user-1' } } });

interface Row {
  readonly name: string;
  readonly path: '/auth' | '/signed';
  readonly request: RequestInit;
  readonly status: number;
  readonly outcome?: string;
}

/** The outcome table over real HTTP, in order (the duplicate follows the handled delivery of the same id). */
function rows(): Row[] {
  const id = crypto.randomUUID();
  const signed = signedUserDelete(secrets.HMAC_SECRET);
  const forged = signedUserDelete('not-the-secret');
  return [
    {
      name: 'handled',
      path: '/auth',
      request: { method: 'POST', headers: authed, body: userDelete(id) },
      status: 200,
      outcome: 'handled',
    },
    {
      name: 'duplicate',
      path: '/auth',
      request: { method: 'POST', headers: authed, body: userDelete(id) },
      status: 200,
      outcome: 'duplicate',
    },
    {
      name: 'rejected',
      path: '/auth',
      request: {
        method: 'POST',
        headers: authed,
        body: JSON.stringify({
          event: {
            type: 'user.registration.create',
            id: crypto.randomUUID(),
            user: { id: 'u' },
            registration: { applicationId: 'a' },
          },
        }),
      },
      status: 422,
      outcome: 'rejected',
    },
    {
      name: 'unauthorized',
      path: '/auth',
      request: {
        method: 'POST',
        headers: { ...json, authorization: 'guess' },
        body: userDelete(crypto.randomUUID()),
      },
      status: 401,
      outcome: 'unauthorized',
    },
    {
      name: 'bad_request',
      path: '/auth',
      request: { method: 'POST', headers: authed, body: '{"event":' },
      status: 400,
      outcome: 'bad_request',
    },
    {
      name: 'method_not_allowed',
      path: '/auth',
      request: { method: 'GET', headers: { authorization: secrets.AUTHORIZATION } },
      status: 405,
      outcome: 'method_not_allowed',
    },
    {
      name: 'unsupported_media_type',
      path: '/auth',
      request: {
        method: 'POST',
        headers: { 'content-type': 'text/plain', authorization: secrets.AUTHORIZATION },
        body: 'hi',
      },
      status: 415,
      outcome: 'unsupported_media_type',
    },
    {
      name: 'payload_too_large',
      path: '/auth',
      request: {
        method: 'POST',
        headers: authed,
        body: JSON.stringify({ event: { padding: 'x'.repeat(4096) } }),
      },
      status: 413,
      outcome: 'payload_too_large',
    },
    {
      name: 'HS256 signed',
      path: '/signed',
      request: { method: 'POST', headers: signed.headers, body: signed.body },
      status: 200,
      outcome: 'handled',
    },
    {
      name: 'HS256 forged',
      path: '/signed',
      request: { method: 'POST', headers: forged.headers, body: forged.body },
      status: 401,
      outcome: 'unauthorized',
    },
  ];
}

/** Sends every row to the server at `base` and checks status and outcome of each. */
export async function expectBehaviourTable(base: string): Promise<void> {
  const seen: string[] = [];
  const wanted: string[] = [];
  for (const row of rows()) {
    const response = await fetch(`${base}${row.path}`, row.request);
    const text = await response.text();
    const outcome = text ? (JSON.parse(text) as { outcome?: string }).outcome : undefined;
    seen.push(`${row.name}: ${response.status} ${outcome}`);
    wanted.push(`${row.name}: ${row.status} ${row.outcome}`);
    if (row.status === 405) expect(response.headers.get('allow')).toBe('POST');
  }
  expect(seen).toEqual(wanted);
}

/**
 * A client that gives up while the handler runs (FusionAuth's read timeout): the runtime aborts the
 * request's signal, so ctx.signal aborts and the delivery ends `client_gone`, not handled.
 */
export async function expectClientGone(base: string, expected: 'client_gone' | 'handled'): Promise<void> {
  const id = crypto.randomUUID();
  const body = JSON.stringify({
    event: { type: 'user.update', id, createInstant: 1, user: { id: 'user-1' } },
  });
  const controller = new AbortController();
  const sent = fetch(`${base}/auth`, {
    method: 'POST',
    headers: authed,
    body,
    signal: controller.signal,
  }).catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, 300));
  controller.abort();
  await sent;
  await expect
    .poll(async () => (await fetch(`${base}/outcome?id=${id}`)).text(), { timeout: 5_000 })
    .toBe(expected);
}
