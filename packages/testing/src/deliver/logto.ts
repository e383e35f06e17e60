import type { LogtoEvent } from '@authhooks/logto';
import { logtoBody } from '../samples/logto.js';
import { signLogtoRequest } from '../sign/logto.js';
import { type Delivery, sendWire, type Timeouts, type WireRequest } from './send.js';
import type { DeliveryTarget } from './target.js';

export interface LogtoDeliverOptions extends Timeouts {
  /** The webhook's signing key; without it no `logto-signature-sha-256` is sent (legacy hooks). */
  readonly signingKey?: string;
  /** Custom headers configured on the webhook. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Logto gives up on a webhook after 10 s. */
export const logtoTimeout = 10_000;

/**
 * Delivers `payload` to `target` as Logto does: `JSON.stringify(payload)`, JSON content type, Logto's
 * user agent, the custom headers, then the signature (which custom headers cannot override).
 */
export async function deliverLogto(
  target: DeliveryTarget,
  payload: LogtoEvent | Readonly<Record<string, unknown>> | string,
  options: LogtoDeliverOptions = {},
): Promise<Delivery> {
  return sendWire(target, await logtoRequest(payload, options), {
    connectTimeout: options.connectTimeout ?? logtoTimeout,
    readTimeout: options.readTimeout ?? logtoTimeout,
    path: options.path,
  });
}

export async function logtoRequest(
  payload: LogtoEvent | Readonly<Record<string, unknown>> | string,
  options: Pick<LogtoDeliverOptions, 'signingKey' | 'headers'> = {},
): Promise<WireRequest> {
  const body = typeof payload === 'string' ? payload : logtoBody(payload);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'Logto (https://logto.io/)',
  };
  for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
  if (options.signingKey !== undefined)
    Object.assign(headers, await signLogtoRequest(body, options.signingKey));
  return { headers, body };
}
