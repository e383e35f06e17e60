import type { FusionAuthEvent } from '@authhooks/fusionauth';
import { fusionAuthBody } from '../samples/fusionauth.js';
import { signFusionAuthRequest } from '../sign/fusionauth.js';
import type { FusionAuthSigningKey } from '../sign/signing-key.js';
import { type Delivery, sendWire, type Timeouts, type WireRequest } from './send.js';
import type { DeliveryTarget } from './target.js';

/** What FusionAuth adds to a webhook request, as set on the webhook (Headers and Security tabs). */
export interface FusionAuthRequestOptions {
  /** The `Authorization` header value (Headers tab). */
  readonly authorization?: string | undefined;
  /** Other headers (Headers tab). */
  readonly headers?: Readonly<Record<string, string>>;
  /** HTTP Basic credentials (Security tab → Basic auth). */
  readonly basicAuth?: { readonly username: string; readonly password: string };
  /** Signs the body into `X-FusionAuth-Signature-JWT` (Security tab → Sign events). */
  readonly signingKey?: FusionAuthSigningKey;
}

export interface DeliverOptions extends FusionAuthRequestOptions, Timeouts {}

/** An event object, a whole wire body `{ event: … }`, or a string sent byte for byte. */
export type FusionAuthPayload = FusionAuthEvent | Readonly<Record<string, unknown>> | string;

export const defaultConnectTimeout = 1000;
export const defaultReadTimeout = 2000;

/**
 * Delivers `event` to `target` exactly as FusionAuth does: a POST with `Content-Type: application/json`,
 * the body `{"event": …}`, the configured headers, Basic credentials and signature. Resolves with the
 * answer; rejects with a `DeliveryError` when none came (connection refused, connect or read timeout).
 * @example const { status, body } = await deliver(webhook, fusionAuthSample('user.delete'), { authorization: key });
 */
export async function deliver(
  target: DeliveryTarget,
  event: FusionAuthPayload,
  options: DeliverOptions = {},
): Promise<Delivery> {
  const wire = await fusionAuthRequest(event, options);
  return sendWire(target, wire, {
    connectTimeout: options.connectTimeout ?? defaultConnectTimeout,
    readTimeout: options.readTimeout ?? defaultReadTimeout,
    path: options.path,
  });
}

/** The headers and body FusionAuth sends for `event`. */
export async function fusionAuthRequest(
  event: FusionAuthPayload,
  options: FusionAuthRequestOptions = {},
): Promise<WireRequest> {
  const body = wireBody(event);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
  const authorizations =
    Number(headers.authorization !== undefined) +
    Number(options.authorization !== undefined) +
    Number(options.basicAuth !== undefined);
  if (authorizations > 1) {
    throw new TypeError(
      'authhooks: authorization, basicAuth and headers.Authorization all set the one Authorization header; pick one.',
    );
  }
  if (options.authorization !== undefined) headers.authorization = options.authorization;
  if (options.basicAuth !== undefined) headers.authorization = basicAuthorization(options.basicAuth);
  if (options.signingKey !== undefined)
    Object.assign(headers, await signFusionAuthRequest(body, options.signingKey));
  return { headers, body };
}

export function basicAuthorization({ username, password }: { username: string; password: string }): string {
  if (typeof username !== 'string' || typeof password !== 'string' || username.includes(':')) {
    throw new TypeError('authhooks: basicAuth needs a username (without ":") and a password, both strings.');
  }
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

function wireBody(event: FusionAuthPayload): string {
  if (typeof event === 'string') return event;
  if (event === null || typeof event !== 'object') {
    throw new TypeError(
      'authhooks: deliver() needs an event object (e.g. fusionAuthSample(type)) or a body string.',
    );
  }
  const record = event as Readonly<Record<string, unknown>>;
  const isWireBody = !('type' in record) && typeof record.event === 'object' && record.event !== null;
  return isWireBody ? JSON.stringify(record) : fusionAuthBody(record);
}
