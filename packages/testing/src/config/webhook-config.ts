import { type FusionAuthEventType, fusionAuthEventTypes } from '@authhooks/fusionauth';
import { defaultConnectTimeout, defaultReadTimeout } from '../deliver/fusionauth.js';
import { canonicalFusionAuthType } from '../samples/fusionauth.js';
import {
  checkTransactionSetting,
  type TransactionSetting,
  type TransactionType,
  transactionTypeFor,
} from '../simulator/transaction.js';
import type { FusionAuthWebhook } from '../simulator/webhook.js';

/** Something that knows the event types it handles: a receiver, an adapter webhook, or the list itself. */
export type HandledEvents =
  | { handledTypes(): readonly string[] }
  | { readonly receiver: { handledTypes(): readonly string[] } }
  | readonly string[];

export interface WebhookConfigOptions {
  /** Where FusionAuth sends the events, e.g. `https://app.example.com/fusionauth-webhook`. */
  readonly url: string;
  /** Per event or one for all transactional events; default `None`. Non-transactional types are always `None`. */
  readonly transactionType?: TransactionSetting;
  /** The `Authorization` header value the receiver checks (`authorization` option). */
  readonly authorization?: string | undefined;
  /** Other header values the receiver checks (`headers` option). */
  readonly headers?: Readonly<Record<string, string>>;
  /** HTTP Basic credentials the receiver checks (`basicAuth` option). */
  readonly basicAuth?: { readonly username: string; readonly password: string };
  /** The Key Master id of the key that signs the events (`signature` option on the receiver). */
  readonly signingKeyId?: string | undefined;
  /** Default 1000 ms. */
  readonly connectTimeout?: number;
  /** Default 2000 ms: keep the receiver's `timeoutMs` (default 1800) below it. */
  readonly readTimeout?: number;
  /** The tenants whose events the webhook gets; default all tenants (`global: true`). */
  readonly tenantIds?: readonly string[];
  readonly description?: string;
}

export interface TenantEventSetting {
  readonly enabled: true;
  readonly transactionType: TransactionType;
}

export interface FusionAuthWebhookConfig {
  /** The Webhook object: `POST /api/webhook` with `{ webhook }` (or the same fields in Settings → Webhooks). */
  readonly webhook: FusionAuthWebhook & {
    readonly url: string;
    readonly connectTimeout: number;
    readonly readTimeout: number;
    readonly eventsEnabled: Readonly<Record<string, boolean>>;
  };
  /** The tenant's side: `PATCH /api/tenant/{id}` with `{ tenant }` (or Tenants → your tenant → Webhooks). */
  readonly tenant: {
    readonly eventConfiguration: { readonly events: Readonly<Record<string, TenantEventSetting>> };
  };
}

/**
 * The FusionAuth configuration for exactly the events `receiver` handles: the webhook (URL, timeouts,
 * events, credentials) and the tenant's event settings (each enabled, with its transaction type).
 *
 * FusionAuth delivers an event only when it is enabled on the webhook AND on the tenant, and the
 * webhook covers the tenant. The admin "Test" button skips those switches, which is why "the test
 * works but live events don't": apply both halves of this config and live events arrive.
 */
export function fusionAuthWebhookConfig(
  receiver: HandledEvents,
  options: WebhookConfigOptions,
): FusionAuthWebhookConfig {
  if (options === null || typeof options !== 'object' || typeof options.url !== 'string') {
    throw new TypeError(
      'authhooks: fusionAuthWebhookConfig needs { url } (where FusionAuth sends the events).',
    );
  }
  try {
    new URL(options.url);
  } catch {
    throw new TypeError(
      `authhooks: url "${options.url}" is not a URL; use e.g. https://app.example.com/fusionauth-webhook.`,
    );
  }
  checkTransactionSetting(options.transactionType, 'transactionType');
  const types = eventTypesOf(receiver);
  if (types.length === 0) {
    throw new TypeError(
      'authhooks: the receiver handles no FusionAuth event yet; register handlers with .on(...) before building its config.',
    );
  }
  const authorizations = [options.authorization, options.basicAuth, options.headers?.Authorization].filter(
    (value) => value !== undefined,
  );
  if (authorizations.length > 1) {
    throw new TypeError(
      'authhooks: authorization, basicAuth and headers.Authorization are the one Authorization header; pick one.',
    );
  }
  const headers = {
    ...options.headers,
    ...(options.authorization !== undefined && { Authorization: options.authorization }),
  };
  const webhook = {
    url: options.url,
    connectTimeout: options.connectTimeout ?? defaultConnectTimeout,
    readTimeout: options.readTimeout ?? defaultReadTimeout,
    eventsEnabled: Object.fromEntries(types.map((type) => [type, true])),
    ...(options.description !== undefined && { description: options.description }),
    ...(Object.keys(headers).length > 0 && { headers }),
    ...(options.basicAuth !== undefined && {
      httpAuthenticationUsername: options.basicAuth.username,
      httpAuthenticationPassword: options.basicAuth.password,
    }),
    ...(options.signingKeyId !== undefined && {
      signatureConfiguration: { enabled: true, signingKeyId: options.signingKeyId },
    }),
    ...(options.tenantIds === undefined
      ? { global: true }
      : { global: false, tenantIds: [...options.tenantIds] }),
  };
  const events = Object.fromEntries(
    types.map((type) => [
      type,
      { enabled: true, transactionType: transactionTypeFor(type, options.transactionType) } as const,
    ]),
  );
  return { webhook, tenant: { eventConfiguration: { events } } };
}

function eventTypesOf(receiver: HandledEvents): FusionAuthEventType[] {
  const source = Array.isArray(receiver)
    ? receiver
    : typeof (receiver as { handledTypes?: unknown }).handledTypes === 'function'
      ? (receiver as { handledTypes(): readonly string[] }).handledTypes()
      : typeof (receiver as { receiver?: { handledTypes?: unknown } }).receiver?.handledTypes === 'function'
        ? (receiver as { receiver: { handledTypes(): readonly string[] } }).receiver.handledTypes()
        : undefined;
  if (source === undefined) {
    throw new TypeError(
      'authhooks: fusionAuthWebhookConfig needs a FusionAuth receiver, an adapter webhook (fusionWebhook(...)) or a list of event types.',
    );
  }
  const unknown = source.filter((type) => canonicalFusionAuthType(type) === undefined);
  if (unknown.length > 0) {
    throw new TypeError(
      `authhooks: ${unknown.join(', ')} ${unknown.length === 1 ? 'is not a FusionAuth event type' : 'are not FusionAuth event types'}; ` +
        'pass a FusionAuth receiver (`npx authhooks samples` lists the types).',
    );
  }
  const wanted = new Set(source.map((type) => canonicalFusionAuthType(type)));
  // `test` is the Kafka integration's message: no webhook or tenant enables it.
  return fusionAuthEventTypes.filter((type) => wanted.has(type) && type !== 'test');
}
