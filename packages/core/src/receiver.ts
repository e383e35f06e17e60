import { memoryPendingStore } from './commit/memory-pending.js';
import { CommitTracker } from './commit/tracker.js';
import {
  type CommitHandler,
  type CommitOptions,
  type ConfirmableType,
  isPendingStore,
} from './commit/types.js';
import { contextClass, type ErrorHandler, type Handler } from './context.js';
import { type BodyReader, readStream } from './http/body.js';
import { nodeConnection, nodeConnectionInput } from './http/connection.js';
import { consoleLogger, safeLog } from './logger.js';
import { checkOptions, defaults, type ReceiverOptions } from './options.js';
import { requestChecks } from './pipeline/check-request.js';
import { dispatchSettings } from './pipeline/dispatch.js';
import { createHttpPolicy, responseBody } from './pipeline/http-policy.js';
import { eventParsing } from './pipeline/parse-event.js';
import {
  type Pipeline,
  type ReceiveInput,
  type ReceiveResult,
  receive,
  type VerifiedEvent,
  verifyAndParse,
} from './pipeline/pipeline.js';
import type { EventMap, Provider, UnknownEvent } from './provider.js';
import { queueRoute } from './queue/queue-route.js';
import type { EnqueueOptions, EventQueue } from './queue/types.js';
import { type AnyHandler, anySelector, Router } from './router.js';
import type { EventSelector, SelectedEvent } from './routing-types.js';
import { closestName } from './suggest.js';
import { loadOpenTelemetry } from './telemetry/api.js';

export type AnyEventOf<TMap extends EventMap> = TMap[keyof TMap] | UnknownEvent;

/** Registration methods, shared by the receiver and every adapter (which return themselves to chain). */
export interface WebhookRoutes<TMap extends EventMap, TExtra extends object, TSelf> {
  /** Runs `handler` for one type, several, or a `prefix.*` wildcard; `event` is typed accordingly. */
  on<const S extends EventSelector<TMap>>(
    selector: S | readonly S[],
    handler: Handler<SelectedEvent<TMap, S>, TExtra>,
  ): TSelf;
  /** Runs for every event, including types the provider does not know yet. */
  onAny(handler: Handler<AnyEventOf<TMap>, TExtra>): TSelf;
  /** Sees every handler failure (and timeout) with its event, after the answer. Cannot change the answer. */
  onError(handler: ErrorHandler<AnyEventOf<TMap>>): TSelf;
  /**
   * Hands matching events to a queue (`@authhooks/queue`) instead of running them here: each is verified
   * and validated, added as one job per event id, and answered 202 `queued` once the queue has it (503
   * if it cannot). Transactional types are refused unless `allowTransactional: true` (see EnqueueOptions).
   */
  enqueue<const S extends EventSelector<TMap>>(
    selector: S | readonly S[],
    queue: EventQueue,
    options?: EnqueueOptions,
  ): TSelf;
  /**
   * Runs once the provider committed the operation an event of `type` announced (FusionAuth: its
   * `*.complete` event arrived, or `commit.confirm` said so after the window). Only types that have such
   * an event are accepted. A 2xx is not a commit: code that must run only after one belongs here.
   */
  onCommit<const K extends ConfirmableType<TMap>>(
    type: K | readonly K[],
    handler: CommitHandler<TMap[K]>,
  ): TSelf;
  /**
   * Runs once the operation did not commit: this receiver answered non-2xx, or the window passed
   * unconfirmed. Undo here what the `.on()` handler did. If the `*.complete` still arrives later (the
   * provider committed after all), `onCommit` runs then.
   */
  onRollback<const K extends ConfirmableType<TMap>>(
    type: K | readonly K[],
    handler: CommitHandler<TMap[K]>,
  ): TSelf;
  /** Removes a handler registered with `on` (same selector), `onAny` (`'*'`) or `onError` (`'error'`). */
  off(
    selector: EventSelector<TMap> | readonly EventSelector<TMap>[] | '*' | 'error',
    // biome-ignore lint/suspicious/noExplicitAny: any registered handler can be removed
    handler: (...args: any[]) => unknown,
  ): TSelf;
}

export interface Receiver<TMap extends EventMap = EventMap, TExtra extends object = object>
  extends WebhookRoutes<TMap, TExtra, Receiver<TMap, TExtra>> {
  readonly provider: Provider<TMap, TExtra>;
  readonly maxBodyBytes: number;
  /** Framework-neutral: the whole pipeline, answered as status, headers and body. Never throws or rejects. */
  receive(input: ReceiveInput): Promise<ReceiveResult<AnyEventOf<TMap>>>;
  /**
   * Web-standard handler: `export const POST = receiver.fetch`. Never rejects. On `@hono/node-server`
   * (`serve({ fetch: receiver.fetch })`) it reads the Node connection from the second argument.
   */
  fetch(request: Request, env?: unknown): Promise<Response>;
  /** Verified, validated event without running handlers (queue hand-off). Throws `WebhookError` otherwise. */
  verifyAndParse(input: ReceiveInput): Promise<VerifiedEvent<AnyEventOf<TMap>>>;
  /**
   * The known event types at least one registered handler runs for, and the `*.complete` events that
   * `onCommit`/`onRollback` need (e.g. to enable exactly those in FusionAuth).
   */
  handledTypes(): readonly (keyof TMap & string)[];
  /**
   * Stops what the receiver runs in the background (the sweeper of `onCommit`/`onRollback`), for a
   * graceful shutdown; what it left open is decided by another instance on the same store, or by this
   * one's successor. Deliveries still in progress are answered as usual.
   */
  close(): Promise<void>;
}

export type CreateReceiverOptions<TMap extends EventMap, TExtra extends object> = ReceiverOptions<TMap> & {
  readonly provider: Provider<TMap, TExtra>;
};

export function createReceiver<TMap extends EventMap, TExtra extends object>(
  options: CreateReceiverOptions<TMap, TExtra>,
): Receiver<TMap, TExtra> {
  const provider = options.provider as unknown as Provider<EventMap, object>;
  checkOptions({ ...(options as unknown as ReceiverOptions), provider });
  const {
    timeoutMs = provider.defaultTimeoutMs ?? defaults.timeoutMs,
    maxBodyBytes = defaults.maxBodyBytes,
    bodyTimeoutMs = defaults.bodyTimeoutMs,
  } = options;
  const logger = options.logger ?? consoleLogger({ bindings: { provider: provider.name } });
  const aliases: Readonly<Record<string, string>> = provider.aliases ?? {};
  const router = new Router((type) => aliases[type] ?? type);
  const errorHandlers: ErrorHandler[] = [];
  const checks = requestChecks(provider.verifiers);
  const knownTypes = Object.keys(provider.schemas);
  const typesOf = (selector: string): string[] =>
    selector.endsWith('.*')
      ? knownTypes.filter((type) => type.startsWith(selector.slice(0, -1)))
      : [aliases[selector] ?? selector];

  /**
   * In plain JavaScript a misspelled type compiles: `on('user.delet', …)` would never run while the real
   * `user.delete` is answered 200 `ignored` and the provider commits. An exact selector for a type not
   * in the catalogue still runs when such a type arrives (a newer provider release), so this only warns.
   */
  const warnIfUnknown = (selector: string) => {
    if (typeof selector !== 'string' || selector === anySelector) return;
    if (typesOf(selector).some((type) => type in provider.schemas)) return;
    const wildcard = selector.endsWith('.*');
    const hint = closestName(selector, wildcard ? wildcardsOf(knownTypes) : knownTypes);
    safeLog(
      logger,
      'warn',
      { selector, ...(hint !== undefined && { didYouMean: hint }) },
      `"${selector}" ${wildcard ? 'matches no' : 'is not a'} known ${provider.name} event type` +
        `${hint === undefined ? '.' : `: did you mean "${hint}"?`} ` +
        (wildcard
          ? 'Its handler never runs (a wildcard matches known types only).'
          : 'Its handler runs only if the provider sends exactly that type.'),
    );
  };

  const dispatching = dispatchSettings({
    providerName: provider.name,
    router,
    store: options.idempotency,
    timeoutMs,
    Context: contextClass(provider.context),
  });
  const commit =
    provider.completion === undefined
      ? undefined
      : new CommitTracker({
          completion: provider.completion,
          store:
            options.commit?.store ??
            (isPendingStore(options.idempotency) ? options.idempotency : memoryPendingStore()),
          options: (options.commit ?? {}) as unknown as CommitOptions,
          logger,
          instance: dispatching.instance,
          provider: provider.name,
        });
  if (commit !== undefined) dispatching.provisional = (delivery) => commit.provisional(delivery);
  const registerCommit = (kind: 'commit' | 'rollback', types: unknown, handler: unknown) => {
    if (commit === undefined) {
      throw new TypeError(
        `authhooks: the ${provider.name} provider cannot confirm commits, so it has no on${kind === 'commit' ? 'Commit' : 'Rollback'}.`,
      );
    }
    for (const type of toList(types as string | readonly string[]))
      commit.add(kind, type, handler as CommitHandler<unknown>);
  };

  const telemetry =
    options.telemetry === false
      ? undefined
      : {
          provider: provider.name,
          verification: provider.verifiers.map((verifier) => verifier.check).join(',') || 'none',
          transactional: provider.transactional?.bind(provider),
        };
  if (telemetry !== undefined) void loadOpenTelemetry();
  const pipeline: Pipeline = {
    logger,
    telemetry,
    commit,
    checks,
    limits: { maxBodyBytes, bodyTimeoutMs, needsRawBytes: checks.needsRawBytes },
    parsing: eventParsing(provider, options.validation ?? 'lenient'),
    dispatching,
    answer: createHttpPolicy({ responses: options.responses, unhandled: options.unhandled }),
    reporting: {
      onResult: options.onResult,
      errorHandlers,
      hookWarningMs: timeoutMs === false ? 10_000 : Math.max(timeoutMs, 1000),
    },
  };

  const receiver: Receiver<TMap, TExtra> = {
    provider: options.provider,
    maxBodyBytes,
    on(selector, handler) {
      for (const one of toList(selector)) {
        router.add(one, handler as AnyHandler);
        warnIfUnknown(one);
      }
      return receiver;
    },
    onAny(handler) {
      router.add(anySelector, handler as AnyHandler);
      return receiver;
    },
    onError(handler) {
      if (typeof handler !== 'function') throw new TypeError('authhooks: onError needs a function.');
      errorHandlers.push(handler as ErrorHandler);
      return receiver;
    },
    enqueue(selector, queue, enqueueOptions = {}) {
      checkQueue(queue);
      const selectors = toList(selector) as readonly string[];
      if (enqueueOptions.allowTransactional !== true && provider.transactional !== undefined) {
        const transactional = selectors.flatMap(typesOf).filter((type) => provider.transactional?.(type));
        if (transactional.length > 0) throw refusedTransactional(transactional, provider.name);
      }
      const route = queueRoute(provider.name, queue, enqueueOptions);
      for (const one of selectors) {
        router.add(one, route);
        warnIfUnknown(one);
      }
      return receiver;
    },
    onCommit(types, handler) {
      registerCommit('commit', types, handler);
      return receiver;
    },
    onRollback(types, handler) {
      registerCommit('rollback', types, handler);
      return receiver;
    },
    off(selector, handler) {
      if (selector === 'error') {
        const index = errorHandlers.lastIndexOf(handler as ErrorHandler);
        if (index >= 0) errorHandlers.splice(index, 1);
        return receiver;
      }
      for (const one of toList(selector)) router.remove(one, handler as AnyHandler);
      return receiver;
    },
    receive: (input) => receive(pipeline, input) as Promise<ReceiveResult<AnyEventOf<TMap>>>,
    fetch: (request, env) => answerFetch(pipeline, request, env),
    verifyAndParse: (input) => verifyAndParse(pipeline, input) as Promise<VerifiedEvent<AnyEventOf<TMap>>>,
    async close() {
      commit?.stop();
    },
    handledTypes() {
      return Object.keys(provider.schemas).filter(
        (type) => router.match(type, true).length > 0 || commit?.needs(type) === true,
      ) as (keyof TMap & string)[];
    },
  };
  return receiver;
}

export async function answerFetch(pipeline: Pipeline, request: Request, env?: unknown): Promise<Response> {
  const node = nodeConnection(env);
  const body: BodyReader = (limit, timeoutMs) => readStream(request.body, limit, timeoutMs);
  const result = await receive(pipeline, {
    method: request.method,
    headers: request.headers,
    ...(node === undefined ? { body, closed: () => request.signal } : nodeConnectionInput(node, body)),
  });
  return toResponse(result);
}

/** The answer as a Web `Response` (Hono and `receiver.fetch` both write it this way). */
export function toResponse(result: ReceiveResult): Response {
  // A copy: the answer's headers are shared constants, and some Response implementations
  // (@hono/node-server's) add Content-Length to the object they were given.
  return new Response(responseBody(result), { status: result.status, headers: { ...result.headers } });
}

function checkQueue(queue: EventQueue): void {
  if (typeof queue?.add !== 'function') {
    throw new TypeError(
      'authhooks: enqueue needs a queue with an add(job, options) method, e.g. webhookQueue({ connection }) from @authhooks/queue.',
    );
  }
}

function refusedTransactional(types: readonly string[], provider: string): TypeError {
  return new TypeError(
    `authhooks: ${types.join(', ')} ${types.length > 1 ? 'are' : 'is'} transactional: ${provider} waits for the answer ` +
      'to commit or roll the operation back. Enqueueing answers 2xx as soon as the queue has the job, so the ' +
      'operation commits before any handler ran and nothing can veto it. Handle it with .on(), or pass ' +
      '{ allowTransactional: true } if committing before processing is what you want.',
  );
}

/** `user.*`, `user.registration.*`, … for every prefix of the known types. */
function wildcardsOf(types: readonly string[]): Set<string> {
  const wildcards = new Set<string>();
  for (const type of types) {
    for (let dot = type.indexOf('.'); dot > 0; dot = type.indexOf('.', dot + 1)) {
      wildcards.add(`${type.slice(0, dot)}.*`);
    }
  }
  return wildcards;
}

function toList<T>(value: T | readonly T[]): readonly T[] {
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}
