import { type FusionAuthEventType, fusionAuthEventMetadata } from '@authhooks/fusionauth';
import type { TransactionType } from './transaction.js';

/**
 * A webhook as FusionAuth's Webhook API describes it (`GET /api/webhook/{id}` → `webhook`), so one can be
 * pasted as is. Only the fields that change a delivery are read.
 */
export interface FusionAuthWebhook {
  readonly id?: string;
  readonly url: string;
  /** Milliseconds to open the connection. FusionAuth requires it; the simulator defaults to 1000. */
  readonly connectTimeout?: number;
  /** Milliseconds to wait for the answer. FusionAuth requires it; the simulator defaults to 2000. */
  readonly readTimeout?: number;
  /** Extra request headers (the Headers tab), e.g. `{ Authorization: '…' }`. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly httpAuthenticationUsername?: string;
  readonly httpAuthenticationPassword?: string;
  /**
   * Event type → enabled (the Events tab). When the whole map is left out the simulator sends every
   * event (a shortcut for tests: FusionAuth itself would send none).
   */
  readonly eventsEnabled?: Readonly<Record<string, boolean>>;
  /** "Sign events": the key material for `signingKeyId` is given to the simulator as `signingKeys`. */
  readonly signatureConfiguration?: { readonly enabled?: boolean; readonly signingKeyId?: string };
  /**
   * All tenants. When neither `global` nor `tenantIds` is given the simulator sends every tenant's events
   * (a shortcut for tests); `global: false` without `tenantIds` is a webhook FusionAuth never uses.
   */
  readonly global?: boolean;
  readonly tenantIds?: readonly string[];
  readonly description?: string;
  readonly data?: Readonly<Record<string, unknown>>;
}

/**
 * The tenant's webhook settings (Tenants → your tenant → Webhooks), as the Tenant API holds them:
 * which events are enabled for the tenant, each with its transaction type.
 */
export interface FusionAuthTenantEvents {
  readonly eventConfiguration?: {
    readonly events?: Readonly<
      Record<string, { readonly enabled?: boolean; readonly transactionType?: TransactionType }>
    >;
  };
}

/** A webhook given as the object itself or as a Webhook API body `{ webhook: {...} }`. */
export type WebhookInput = FusionAuthWebhook | { readonly webhook: FusionAuthWebhook };

export function unwrapWebhook(input: WebhookInput, index: number): FusionAuthWebhook {
  const webhook =
    input !== null && typeof input === 'object' && 'webhook' in input && !('url' in input)
      ? input.webhook
      : (input as FusionAuthWebhook);
  const where = `webhooks[${index}]`;
  if (webhook === null || typeof webhook !== 'object' || typeof webhook.url !== 'string') {
    throw new TypeError(
      `authhooks: ${where} needs a url (a FusionAuth Webhook object: { url, eventsEnabled, … }).`,
    );
  }
  for (const field of ['connectTimeout', 'readTimeout'] as const) {
    const value = webhook[field];
    if (value !== undefined && (!Number.isInteger(value) || value <= 0)) {
      throw new TypeError(
        `authhooks: ${where}.${field} is whole milliseconds above 0, got ${String(value)}.`,
      );
    }
  }
  const hasUser = webhook.httpAuthenticationUsername !== undefined;
  if (hasUser !== (webhook.httpAuthenticationPassword !== undefined)) {
    throw new TypeError(
      `authhooks: ${where} sets only one of httpAuthenticationUsername and httpAuthenticationPassword; set both for Basic auth.`,
    );
  }
  const headerNames = Object.keys(webhook.headers ?? {}).map((name) => name.toLowerCase());
  if (hasUser && headerNames.includes('authorization')) {
    throw new TypeError(
      `authhooks: ${where} sets both an Authorization header and Basic auth credentials; both are the one Authorization header, keep one.`,
    );
  }
  return webhook;
}

/** Why FusionAuth would not send `type` to this webhook, or undefined when it would. */
export function skipReason(
  webhook: FusionAuthWebhook,
  type: string,
  tenantId: string | undefined,
): string | undefined {
  if (webhook.eventsEnabled !== undefined && webhook.eventsEnabled[type] !== true) {
    return `${type} is not enabled on the webhook (eventsEnabled)`;
  }
  // FusionAuth's docs: "If no Ids are specified and the global field is false, this Webhook will not be used."
  if (webhook.global === false && (webhook.tenantIds === undefined || webhook.tenantIds.length === 0)) {
    return 'global is false and no tenantIds are given: FusionAuth does not use this webhook';
  }
  const instanceEvent = fusionAuthEventMetadata[type as FusionAuthEventType]?.scope === 'instance';
  if (instanceEvent || webhook.global === true || webhook.tenantIds === undefined) return undefined;
  if (tenantId === undefined || !webhook.tenantIds.includes(tenantId)) {
    return `the webhook does not cover tenant ${tenantId ?? '(none)'} (tenantIds, global)`;
  }
  return undefined;
}
