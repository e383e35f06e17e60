import type { CommitOptions } from './commit/types.js';
import type { IdempotencyStore } from './idempotency/types.js';
import type { Logger } from './logger.js';
import type { StatusOverrides } from './outcomes.js';
import type { ResultInfo } from './pipeline/report.js';
import type { EventMap, Provider } from './provider.js';

/** `TMap` types the events `commit.confirm` is given (the provider's event map). */
export interface ReceiverOptions<TMap extends EventMap = EventMap> {
  /** Deadline for the handlers; then `ctx.signal` aborts and the answer is 504. Default 1800 ms, below FusionAuth's usual 2 s read timeout. */
  readonly timeoutMs?: number | false;
  /** Larger bodies answer 413; reading stops at the limit. Default 5 MiB. */
  readonly maxBodyBytes?: number;
  /** A body that has not fully arrived by then answers 408 and the read stops. Default 10 000 ms. */
  readonly bodyTimeoutMs?: number;
  /** Remembers handled event ids so retries and duplicates do not run the handlers twice. None by default. */
  readonly idempotency?: IdempotencyStore;
  /** An event nobody handles: `'ack'` (200, default) or `'reject'` (422). */
  readonly unhandled?: 'ack' | 'reject';
  /**
   * `'lenient'` (default): a field the provider does not always send that fails its schema is left out
   * of the typed event and reported in `ctx.schemaIssues`, instead of refusing (and, for a transactional
   * FusionAuth event, rolling back) the delivery. `'strict'`: any schema failure answers 400.
   */
  readonly validation?: 'lenient' | 'strict';
  /** Status per outcome, e.g. `{ handled: 202, rejected: 400 }`. Failure outcomes cannot be given a 2xx. */
  readonly responses?: StatusOverrides;
  /** pino-compatible. Default: JSON lines on stderr at `info` and above (`AUTHHOOKS_LOG_LEVEL` changes it). */
  readonly logger?: Logger;
  /** Called once per request after the answer, for metrics; it cannot delay or change the answer. */
  readonly onResult?: (result: ResultInfo) => unknown;
  /** Commit-aware handlers (`onCommit`/`onRollback`): the window, `confirm`, and where pending operations live. */
  readonly commit?: CommitOptions<TMap>;
  /**
   * OpenTelemetry traces and metrics for each delivery, when `@opentelemetry/api` is installed and the
   * app registered an SDK (nothing else to configure). `false` turns them off for this receiver.
   * Default true.
   */
  readonly telemetry?: boolean;
}

export const defaults = {
  timeoutMs: 1800,
  maxBodyBytes: 5 * 1024 * 1024,
  bodyTimeoutMs: 10_000,
} as const;

const receiverKeys = [
  'timeoutMs',
  'maxBodyBytes',
  'bodyTimeoutMs',
  'idempotency',
  'unhandled',
  'validation',
  'responses',
  'logger',
  'onResult',
  'commit',
  'telemetry',
] as const satisfies readonly (keyof ReceiverOptions)[];

/** Splits an adapter's one options object into the receiver's options and the provider's. */
export function splitReceiverOptions<T extends object>(
  options: T,
): [Pick<T, Extract<keyof T, keyof ReceiverOptions>>, Omit<T, keyof ReceiverOptions>] {
  const receiver: Record<string, unknown> = {};
  const provider: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    ((receiverKeys as readonly string[]).includes(key) ? receiver : provider)[key] = value;
  }
  return [
    receiver as Pick<T, Extract<keyof T, keyof ReceiverOptions>>,
    provider as Omit<T, keyof ReceiverOptions>,
  ];
}

/** Refuses, at start-up and with the fix, every option that would make the receiver unsafe or useless. */
export function checkOptions(
  options: ReceiverOptions & { readonly provider: Provider<EventMap, object> },
): void {
  const { provider } = options;
  if (provider === undefined || typeof provider.locate !== 'function') {
    throw new TypeError(
      'authhooks: createReceiver needs a provider, e.g. createReceiver({ provider: fusionauth({...}) }).',
    );
  }
  if (provider.verifiers.length === 0 && provider.allowUnauthenticated !== true) {
    throw new TypeError(
      `authhooks: the ${provider.name} receiver has no verifier, so anyone could send it events. ` +
        'Configure one (see the provider options), or pass allowUnauthenticated: true for local tests only.',
    );
  }
  const { timeoutMs = provider.defaultTimeoutMs ?? defaults.timeoutMs } = options;
  if (timeoutMs !== false && !isPositive(timeoutMs)) {
    throw new TypeError(
      `authhooks: timeoutMs must be a positive number of milliseconds or false, got ${String(timeoutMs)}.`,
    );
  }
  const leaseMs = options.idempotency?.leaseMs;
  if (leaseMs !== undefined && timeoutMs !== false && leaseMs <= timeoutMs) {
    throw new TypeError(
      `authhooks: the idempotency store's leaseMs (${leaseMs}) is not above timeoutMs (${timeoutMs}): a lease that ` +
        'runs out while the handlers still run lets a copy of the event run them at the same time. Set leaseMs ' +
        'well above timeoutMs (the default 60 000 is).',
    );
  }
  for (const name of ['maxBodyBytes', 'bodyTimeoutMs'] as const) {
    const value = options[name];
    if (value !== undefined && (!Number.isInteger(value) || !isPositive(value))) {
      throw new TypeError(`authhooks: ${name} must be a positive integer, got ${String(value)}.`);
    }
  }
  if (options.unhandled !== undefined && options.unhandled !== 'ack' && options.unhandled !== 'reject') {
    throw new TypeError(`authhooks: unhandled must be 'ack' or 'reject', got ${String(options.unhandled)}.`);
  }
  if (
    options.validation !== undefined &&
    options.validation !== 'lenient' &&
    options.validation !== 'strict'
  ) {
    throw new TypeError(
      `authhooks: validation must be 'lenient' or 'strict', got ${String(options.validation)}.`,
    );
  }
  if (options.telemetry !== undefined && typeof options.telemetry !== 'boolean') {
    throw new TypeError(
      `authhooks: telemetry must be true or false, got ${String(options.telemetry)}. To hand authhooks the OpenTelemetry API yourself, call useOpenTelemetry(api).`,
    );
  }
  if (options.onResult !== undefined && typeof options.onResult !== 'function') {
    throw new TypeError('authhooks: onResult must be a function.');
  }
  const store = options.idempotency;
  if (
    store !== undefined &&
    ['reserve', 'complete', 'release'].some(
      (method) => typeof (store as unknown as Record<string, unknown>)[method] !== 'function',
    )
  ) {
    throw new TypeError(
      'authhooks: idempotency must be a store with reserve, complete and release (e.g. memoryStore()).',
    );
  }
}

function isPositive(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}
