import { randomUUID } from 'node:crypto';
import { type FusionAuthEvent, fusionAuthEventTypes } from '@authhooks/fusionauth';
import { basicAuthorization, defaultConnectTimeout, defaultReadTimeout } from '../deliver/fusionauth.js';
import { DeliveryError } from '../deliver/http-post.js';
import { sendWire } from '../deliver/send.js';
import { fusionAuthBody } from '../samples/fusionauth.js';
import { signFusionAuthRequest } from '../sign/fusionauth.js';
import type { FusionAuthSigningKey } from '../sign/signing-key.js';
import {
  checkTransactionSetting,
  requiredSuccesses,
  type TransactionSetting,
  type TransactionType,
  transactionTypeFor,
} from './transaction.js';
import {
  type FusionAuthTenantEvents,
  type FusionAuthWebhook,
  skipReason,
  unwrapWebhook,
  type WebhookInput,
} from './webhook.js';

export interface FusionAuthSimulatorOptions {
  /** The webhooks, as FusionAuth's Webhook API objects (paste yours) or `{ webhook }` API bodies. */
  readonly webhooks: readonly WebhookInput[];
  /**
   * The tenant's transaction type: one for every transactional event, or one per type
   * (`{ default: 'Any', 'user.login.success': 'None' }`). Default `None`, FusionAuth's default since 1.36.
   */
  readonly transactionType?: TransactionSetting;
  /**
   * The tenant's webhook settings (`tenant` of `fusionAuthWebhookConfig(...)`, or your Tenant API
   * object): an event not enabled there is not sent at all, and its `transactionType` wins.
   */
  readonly tenant?: FusionAuthTenantEvents;
  /** Key material per `signatureConfiguration.signingKeyId` (FusionAuth keeps it in Key Master). */
  readonly signingKeys?: Readonly<Record<string, FusionAuthSigningKey>>;
  /**
   * After a commit, FusionAuth fires the matching `*.complete` event (`user.create` → `user.create.complete`)
   * to the webhooks that have it enabled; it is never transactional. How often a failed `*.complete`
   * delivery is re-sent, back to back (default 3, as after a committed transaction; 0 models fire and
   * forget). Once every attempt failed, the event is lost for that webhook.
   */
  readonly completeEventRetries?: number;
}

/** Per-send faults, for tests of what an app does when FusionAuth itself fails. */
export interface SendOptions {
  /**
   * FusionAuth's own transaction fails after every webhook answered (a database error, a crash): the
   * operation is rolled back whatever the webhooks said, the API call answers 500, no retry and no
   * `*.complete` event follow.
   */
  readonly failAfterWebhooks?: boolean;
  /**
   * Called the moment FusionAuth decides (before its retries and the `*.complete` event go out): from
   * then on its API shows the committed state, which an app's `confirm` may ask for.
   */
  readonly onDecision?: (decision: {
    readonly eventId: string | undefined;
    readonly committed: boolean;
  }) => void;
}

/** The `*.complete` event FusionAuth fired after the commit, and how its deliveries went. */
export interface CompleteDelivery {
  readonly event: Readonly<Record<string, unknown>>;
  readonly attempts: readonly WebhookAttempt[];
  /** Webhooks that answered 2xx at some attempt. */
  readonly delivered: number;
  /** Webhooks it went to. */
  readonly webhooks: number;
  readonly skipped: readonly SkippedWebhook[];
}

export interface WebhookAttempt {
  readonly url: string;
  readonly webhookId: string | undefined;
  /** 1 for the delivery, 2–4 for the retries after a commit. */
  readonly attempt: number;
  /** 200–299. */
  readonly ok: boolean;
  /** Present when the webhook answered. */
  readonly status?: number;
  /** Present when it did not: connection refused, connect timeout, read timeout… */
  readonly error?: string;
  /** The answer's body (parsed JSON when JSON). */
  readonly body?: unknown;
  readonly durationMs: number;
}

export interface SkippedWebhook {
  readonly url: string;
  readonly webhookId: string | undefined;
  readonly reason: string;
}

/** FusionAuth's API answer when the transaction fails. */
export interface WebhookTransactionError {
  readonly generalErrors: readonly [
    { readonly code: '[WebhookTransactionException]'; readonly message: string },
  ];
}

export interface SimulationResult {
  readonly eventType: string;
  readonly eventId: string | undefined;
  /** The transaction type applied (always `None` for non-transactional event types). */
  readonly transactionType: TransactionType;
  /** Whether the operation waited for the webhooks (a transactional type with a level other than `None`). */
  readonly transactional: boolean;
  /** Whether FusionAuth commits the user operation. */
  readonly committed: boolean;
  /** The status FusionAuth answers the API call (or login) that triggered the event (500: `failAfterWebhooks`). */
  readonly apiStatus: 200 | 500 | 504;
  /** FusionAuth's answer body with a 504. */
  readonly apiBody?: WebhookTransactionError;
  /** Webhooks the event went to. */
  readonly webhooks: number;
  /** Of them, how many answered 2xx at the first attempt, and how many had to. */
  readonly succeeded: number;
  readonly required: number;
  /** Every request made, retries included, in order per webhook. */
  readonly attempts: readonly WebhookAttempt[];
  /** Webhooks FusionAuth would not send this event to, and why. */
  readonly skipped: readonly SkippedWebhook[];
  /** After a commit, the `*.complete` event of this type (when it has one) and its deliveries. */
  readonly complete?: CompleteDelivery;
}

export const webhookTransactionMessage =
  'One or more webhooks returned an invalid response or were unreachable. Based on your transaction configuration, your action cannot be completed.';

/** After a commit FusionAuth re-sends to each failed webhook up to 3 more times, back to back. */
export const retriesAfterCommit = 3;

/**
 * Sends events to real webhooks the way FusionAuth does, and tells what FusionAuth would then do:
 * commit or roll back the user operation (answering the API call 504), and which webhooks it retries.
 * @example
 * const simulator = new FusionAuthSimulator({ webhooks: [{ url, readTimeout: 2000 }], transactionType: 'Any' });
 * const { committed, attempts } = await simulator.send(fusionAuthSample('user.registration.create'));
 */
export class FusionAuthSimulator {
  readonly #webhooks: readonly FusionAuthWebhook[];
  readonly #options: FusionAuthSimulatorOptions;

  constructor(options: FusionAuthSimulatorOptions) {
    if (options === null || typeof options !== 'object' || !Array.isArray(options.webhooks)) {
      throw new TypeError(
        'authhooks: FusionAuthSimulator needs { webhooks: [{ url, … }], transactionType? }.',
      );
    }
    checkTransactionSetting(options.transactionType, 'transactionType');
    const retries = options.completeEventRetries;
    if (retries !== undefined && (!Number.isInteger(retries) || retries < 0)) {
      throw new TypeError(
        `authhooks: completeEventRetries is how often a failed *.complete delivery is re-sent (0 or more), got ${String(retries)}.`,
      );
    }
    this.#options = options;
    this.#webhooks = options.webhooks.map(unwrapWebhook);
    for (const webhook of this.#webhooks) this.#signingKeyOf(webhook); // fail at construction, not per send
  }

  /**
   * Delivers `event` to every webhook it is enabled on, concurrently, then applies the transaction rules;
   * after a commit, fires its `*.complete` event.
   */
  async send(
    event: FusionAuthEvent | Readonly<Record<string, unknown>>,
    options: SendOptions = {},
  ): Promise<SimulationResult> {
    const type = (event as { type?: unknown }).type;
    if (typeof type !== 'string') {
      throw new TypeError(
        'authhooks: send() needs an event with a type, e.g. fusionAuthSample("user.create").',
      );
    }
    const eventId = typeof event.id === 'string' ? event.id : undefined;
    const tenantSetting = this.#options.tenant?.eventConfiguration?.events?.[type];
    const { targets, skipped } = this.#targets(event, type);

    const transactionType = transactionTypeFor(
      type,
      tenantSetting?.transactionType ?? this.#options.transactionType,
    );
    const body = fusionAuthBody(event);
    const first = await Promise.all(targets.map((webhook) => this.#attempt(webhook, body, 1)));
    const succeeded = first.filter((attempt) => attempt.ok).length;
    const required = requiredSuccesses(transactionType, targets.length);
    const failedItself = options.failAfterWebhooks === true;
    const committed = succeeded >= required && !failedItself;
    options.onDecision?.({ eventId, committed });
    // Retries only follow a commit, and never with None (fire and forget); the *.complete event goes
    // out after the commit too, independently of the retries.
    const retrying = committed && transactionType !== 'None';
    const [retries, complete] = await Promise.all([
      Promise.all(
        targets.map((webhook, index) =>
          retrying && !(first[index] as WebhookAttempt).ok ? this.#retry(webhook, body) : [],
        ),
      ),
      committed ? this.#complete(event, type) : undefined,
    ]);
    const attempts = first.flatMap((attempt, index) => [attempt, ...(retries[index] ?? [])]);
    const base = {
      eventType: type,
      eventId,
      transactionType,
      transactional: transactionType !== 'None',
      webhooks: targets.length,
      succeeded,
      required,
      attempts,
      skipped,
    };
    if (committed)
      return { ...base, committed: true, apiStatus: 200, ...(complete !== undefined && { complete }) };
    if (failedItself) return { ...base, committed: false, apiStatus: 500 };
    return {
      ...base,
      committed: false,
      apiStatus: 504,
      apiBody: {
        generalErrors: [{ code: '[WebhookTransactionException]', message: webhookTransactionMessage }],
      },
    };
  }

  /** The webhooks `type` goes to (tenant settings, `eventsEnabled`, tenants), and those it skips. */
  #targets(event: Readonly<Record<string, unknown>>, type: string) {
    const tenantId = typeof event.tenantId === 'string' ? event.tenantId : undefined;
    const tenantSetting = this.#options.tenant?.eventConfiguration?.events?.[type];
    const skipped: SkippedWebhook[] = [];
    let targets = this.#webhooks;
    if (this.#options.tenant !== undefined && tenantSetting?.enabled !== true) {
      skipped.push(...targets.map((webhook) => skip(webhook, `${type} is not enabled for the tenant`)));
      targets = [];
    }
    targets = targets.filter((webhook) => {
      const reason = skipReason(webhook, type, tenantId);
      if (reason !== undefined) skipped.push(skip(webhook, reason));
      return reason === undefined;
    });
    return { targets, skipped };
  }

  /** After a commit: the `*.complete` event, to the webhooks that have it, each retried on failure. */
  async #complete(
    event: Readonly<Record<string, unknown>>,
    type: string,
  ): Promise<CompleteDelivery | undefined> {
    const completeType = `${type}.complete`;
    if (!(fusionAuthEventTypes as readonly string[]).includes(completeType)) return undefined;
    const complete = { ...event, type: completeType, id: randomUUID(), createInstant: Date.now() };
    const { targets, skipped } = this.#targets(complete, completeType);
    const body = fusionAuthBody(complete);
    const retries = this.#options.completeEventRetries ?? retriesAfterCommit;
    const perWebhook = await Promise.all(
      targets.map(async (webhook) => {
        const first = await this.#attempt(webhook, body, 1);
        return first.ok ? [first] : [first, ...(await this.#retry(webhook, body, retries))];
      }),
    );
    return {
      event: complete,
      attempts: perWebhook.flat(),
      delivered: perWebhook.filter((attempts) => attempts.some((attempt) => attempt.ok)).length,
      webhooks: targets.length,
      skipped,
    };
  }

  async #retry(
    webhook: FusionAuthWebhook,
    body: string,
    retries = retriesAfterCommit,
  ): Promise<WebhookAttempt[]> {
    const attempts: WebhookAttempt[] = [];
    for (let attempt = 2; attempt <= retries + 1; attempt++) {
      const result = await this.#attempt(webhook, body, attempt);
      attempts.push(result);
      if (result.ok) break;
    }
    return attempts;
  }

  async #attempt(webhook: FusionAuthWebhook, body: string, attempt: number): Promise<WebhookAttempt> {
    const started = performance.now();
    const common = { url: webhook.url, webhookId: webhook.id, attempt };
    try {
      const answer = await sendWire(webhook.url, await this.#request(webhook, body), {
        connectTimeout: webhook.connectTimeout ?? defaultConnectTimeout,
        readTimeout: webhook.readTimeout ?? defaultReadTimeout,
      });
      const ok = answer.status >= 200 && answer.status <= 299;
      return { ...common, ok, status: answer.status, body: answer.body, durationMs: answer.durationMs };
    } catch (error) {
      if (!(error instanceof DeliveryError)) throw error;
      return { ...common, ok: false, error: error.message, durationMs: elapsed(started) };
    }
  }

  async #request(webhook: FusionAuthWebhook, body: string) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    for (const [name, value] of Object.entries(webhook.headers ?? {})) headers[name.toLowerCase()] = value;
    if (
      webhook.httpAuthenticationUsername !== undefined &&
      webhook.httpAuthenticationPassword !== undefined
    ) {
      headers.authorization = basicAuthorization({
        username: webhook.httpAuthenticationUsername,
        password: webhook.httpAuthenticationPassword,
      });
    }
    const key = this.#signingKeyOf(webhook);
    if (key !== undefined) Object.assign(headers, await signFusionAuthRequest(body, key));
    return { headers, body };
  }

  #signingKeyOf(webhook: FusionAuthWebhook): FusionAuthSigningKey | undefined {
    const signature = webhook.signatureConfiguration;
    if (signature?.enabled !== true) return undefined;
    const id = signature.signingKeyId;
    const key = id === undefined ? undefined : this.#options.signingKeys?.[id];
    if (key === undefined) {
      throw new TypeError(
        `authhooks: the webhook ${webhook.url} signs its events with key ${id ?? '(no signingKeyId)'}; ` +
          `give the simulator that key: signingKeys: { '${id ?? '<signingKeyId>'}': <HMAC secret, private key PEM or createTestKeys()> }.`,
      );
    }
    return key;
  }
}

function skip(webhook: FusionAuthWebhook, reason: string): SkippedWebhook {
  return { url: webhook.url, webhookId: webhook.id, reason };
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}
