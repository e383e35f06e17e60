import type { PendingOperation, PendingStore } from '../commit/types.js';
import type { ContextClass, DeliveryContext } from '../context.js';
import type { Delivery } from '../delivery.js';
import { WebhookRejection } from '../errors.js';
import { attachAttempt } from '../idempotency/attempt.js';
import type { IdempotencyStore, Reservation, Verdict } from '../idempotency/types.js';
import { type AttemptEnded, waitForAttempt } from '../idempotency/wait-for-attempt.js';
import { describeError, safeLog } from '../logger.js';
import { isQueueRoute, QueueUnavailable } from '../queue/queue-route.js';
import type { AnyHandler, Router } from '../router.js';
import {
  type Deadline,
  type DeadlineQueue,
  deadlineQueue,
  type Expirable,
} from '../runtime/deadline-queue.js';

export interface DispatchSettings {
  readonly providerName: string;
  readonly router: Router;
  readonly store: IdempotencyStore | undefined;
  readonly timeoutMs: number | false;
  /** The handlers' deadline; undefined when `timeoutMs` is false. */
  readonly deadlines: DeadlineQueue | undefined;
  /**
   * How long the store may take to reserve: half the deadline, so `onStoreError: 'process'` has time
   * left; `storeLimitMs` when the handlers have none.
   */
  readonly storeDeadlines: DeadlineQueue;
  readonly Context: ContextClass;
  /** Unique per receiver instance: with a counter it makes each attempt's lease token. */
  readonly instance: string;
  attempts: number;
  /** The operation commit-aware handlers will track for a delivery (set once the tracker exists). */
  provisional?: (
    delivery: Delivery,
  ) => { readonly store: PendingStore; readonly operation: PendingOperation } | undefined;
}

/** The bound on a store call when `timeoutMs` is false. */
export const storeLimitMs = 5_000;

export function dispatchSettings(
  options: Omit<DispatchSettings, 'deadlines' | 'storeDeadlines' | 'instance' | 'attempts' | 'provisional'>,
): DispatchSettings {
  const { timeoutMs } = options;
  return {
    ...options,
    deadlines: timeoutMs === false ? undefined : deadlineQueue(timeoutMs),
    // Store calls stay bounded without a handler deadline too (timeoutMs: false).
    storeDeadlines: deadlineQueue(
      timeoutMs === false ? storeLimitMs : Math.max(1, Math.floor(timeoutMs / 2)),
    ),
    instance: Math.random().toString(36).slice(2, 10),
    attempts: 0,
  };
}

/**
 * Runs the handlers of a verified event: in registration order, the first failure stops the rest.
 * Synchronous handlers run without a timer or a promise; once one returns a promise, the rest run
 * under the deadline. With an idempotency store, the reservation, the handlers and the record of the
 * result all run under the deadline, and the answer never waits past it.
 */
export function dispatch(delivery: Delivery, settings: DispatchSettings): void | Promise<void> {
  const handlers = settings.router.match(delivery.type as string, delivery.known);
  if (handlers.length === 0) {
    delivery.end('ignored', `no handler for ${delivery.type}`);
    delivery.unhandled = true;
    return;
  }
  const ctx = new settings.Context(delivery, delivery.logger);
  if (settings.store !== undefined) return new GuardedRun(delivery, handlers, ctx, settings).promise;
  for (let i = 0; i < handlers.length; i++) {
    let result: unknown;
    try {
      result = (handlers[i] as AnyHandler)(delivery.event, ctx);
    } catch (error) {
      return failed(delivery, error);
    }
    if (isThenable(result)) return new GuardedRun(delivery, handlers, ctx, settings, i, result).promise;
  }
  succeeded(delivery, handlers);
}

/** `queued` when every route of the event handed it to a queue, `handled` when some handler ran it. */
function succeeded(delivery: Delivery, handlers: readonly AnyHandler[]): void {
  delivery.end(handlers.every(isQueueRoute) ? 'queued' : 'handled');
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

function failed(delivery: Delivery, error: unknown): void {
  if (QueueUnavailable.is(error)) {
    delivery.end('unavailable', error.message, error.detail);
    return;
  }
  if (WebhookRejection.is(error)) {
    delivery.end('rejected', safeMessage(error));
    delivery.status = error.status;
    return;
  }
  delivery.end('handler_error', 'handler failed');
  delivery.cause = error;
}

function safeMessage(rejection: WebhookRejection): string {
  try {
    return String(rejection.message);
  } catch {
    return 'rejected by handler';
  }
}

/**
 * The asynchronous part of a dispatch, under the deadline. Its phases decide what the deadline means:
 * while reserving, the store is down (503 or, with `onStoreError: 'process'`, handling without it);
 * while waiting for another attempt of the same event, that attempt is still running (409); while
 * handling, a timeout (504); once the handlers finished, their result stands and the store's record of
 * it just must not hold the answer.
 *
 * The reservation lives as long as the handlers do, not as long as the answer: a handler that ignores
 * `ctx.signal` and finishes after the 504 is recorded as handled (its effect happened), one that fails
 * then releases the key, and until either, copies of the event wait instead of running it beside it.
 */
class GuardedRun implements Expirable {
  readonly promise: Promise<void>;
  #resolve!: () => void;
  #over = false;
  #phase: 'reserving' | 'waiting' | 'handling' | 'settling' = 'handling';
  #decision: (() => void) | undefined = undefined;
  readonly #deadline: Deadline | undefined;
  #storeDeadline: Deadline | undefined = undefined;
  /** Aborts a wait for another attempt when this copy's deadline passes. */
  #waitAbort: AbortController | undefined = undefined;
  readonly #key: string;
  readonly #token: string;
  #reserved = false;
  /** The client's connection, once watched; the listener is removed when the answer is decided. */
  #closed: AbortSignal | undefined = undefined;
  readonly #onClosed = () => this.#clientGone();
  /** Resolves `delivery.handlersSettled`, once the answer went out before the handlers settled. */
  #handlersSettled: (() => void) | undefined = undefined;

  constructor(
    readonly delivery: Delivery,
    readonly handlers: readonly AnyHandler[],
    readonly ctx: DeliveryContext,
    readonly settings: DispatchSettings,
    running?: number,
    pending?: PromiseLike<unknown>,
  ) {
    this.promise = new Promise((resolve) => {
      this.#resolve = resolve;
    });
    this.#key = `${settings.providerName}:${delivery.id}`;
    this.#token = `${settings.instance}:${++settings.attempts}`;
    this.#deadline = settings.deadlines?.schedule(this);
    if (pending !== undefined && running !== undefined) this.#start(running, pending);
    else this.#reserve();
    this.#watchConnection();
  }

  #watchConnection() {
    const { closed } = this.delivery;
    if (closed === undefined || this.#over) return;
    const signal = typeof closed === 'function' ? closed() : closed;
    if (signal.aborted) return this.#clientGone();
    this.#closed = signal;
    signal.addEventListener('abort', this.#onClosed, { once: true });
  }

  /**
   * The client closed the connection before the answer (FusionAuth's read timeout, a dropped
   * connection): the provider has counted a failure, so the handlers are told to stop and the event
   * is not recorded as handled unless a handler finishes anyway (then its effect happened).
   */
  #clientGone() {
    if (this.#over || this.#phase === 'settling') return;
    const gone = () => this.delivery.end('client_gone', 'the client closed the connection before the answer');
    if (this.#phase !== 'handling') {
      this.#waitAbort?.abort();
      this.#decision = gone;
      return this.#answer();
    }
    this.ctx.expire(new DOMException('the client closed the connection before the answer', 'AbortError'));
    gone();
    this.#answeredWhileRunning();
    this.#stopWatching();
    this.#deadline?.settle();
    this.#over = true;
    this.#resolve();
    // As after a timeout: the reservation stays until the running handler settles.
  }

  /** What runs after the answer (the commit tracker) can wait for the handlers to settle. */
  #answeredWhileRunning() {
    this.delivery.handlersSettled = new Promise((resolve) => {
      this.#handlersSettled = resolve;
    });
  }

  #stopWatching() {
    this.#closed?.removeEventListener('abort', this.#onClosed);
    this.#closed = undefined;
  }

  /** The deadline passed. */
  expire(): void {
    if (this.#over) return;
    if (this.#phase === 'reserving') {
      this.#decision = () =>
        this.delivery.end('unavailable', 'idempotency store unavailable', 'did not answer in time');
    }
    if (this.#phase === 'waiting') {
      this.#waitAbort?.abort();
      this.#decision = () =>
        this.delivery.end(
          'in_progress',
          'this event is being handled right now and did not finish within the deadline; retry later',
        );
    }
    if (this.#phase !== 'handling') {
      this.#answer();
      return;
    }
    const { timeoutMs } = this.settings;
    const reason = new DOMException(`handlers exceeded the ${timeoutMs} ms deadline`, 'TimeoutError');
    this.ctx.expire(reason);
    if (this.handlers.every(isQueueRoute)) {
      this.delivery.end(
        'unavailable',
        'queue unavailable',
        `the queue did not take the job within ${timeoutMs} ms`,
      );
    } else {
      this.delivery.end('timeout', `handlers did not finish within ${timeoutMs} ms`);
      this.delivery.cause = reason;
    }
    this.#answeredWhileRunning();
    this.#stopWatching();
    this.#over = true;
    this.#resolve();
    // The reservation stays until the running handler settles (#runFrom records what it ended with).
  }

  #reserve() {
    this.#phase = 'reserving';
    this.#storeDeadline = this.settings.storeDeadlines.schedule({
      expire: () => this.#storeFailed(undefined),
    });
    let reservation: Promise<Reservation>;
    try {
      reservation = (this.settings.store as IdempotencyStore).reserve(this.#key, this.#token);
    } catch (error) {
      return this.#storeFailed(error);
    }
    Promise.resolve(reservation).then(
      (result) => this.#reservedAs(result),
      (error: unknown) => this.#storeFailed(error),
    );
  }

  #reservedAs(result: Reservation) {
    if (this.#phase !== 'reserving' || this.#over) {
      // We stopped waiting for the store; a late lease must not block the provider's retry.
      if (result === 'reserved') void this.#release();
      return;
    }
    this.#storeDeadline?.settle();
    if (result === 'duplicate') return this.#settle(() => this.delivery.end('duplicate'));
    if (result === 'in_progress') return this.#waitForOtherAttempt();
    this.#reserved = true;
    this.#phase = 'handling';
    this.#attach();
    this.#start(0, undefined);
  }

  /** Lets a store that records inside the handler's transaction find this attempt from `ctx`. */
  #attach() {
    const { settings, delivery } = this;
    attachAttempt(this.ctx, {
      store: settings.store as IdempotencyStore,
      key: this.#key,
      token: this.#token,
      reserved: this.#reserved,
      pending: () => settings.provisional?.(delivery),
    });
  }

  /**
   * Another attempt holds the event (a second webhook at this receiver, a retry): wait for it and
   * answer what it ended with, or take the event over if it failed or its lease ran out.
   */
  #waitForOtherAttempt() {
    this.#phase = 'waiting';
    this.delivery.waited = true;
    this.#waitAbort = new AbortController();
    const store = this.settings.store as IdempotencyStore;
    const trace = this.delivery.trace;
    trace?.waiting(1);
    waitForAttempt(store, this.#key, this.#token, this.#waitAbort.signal).then(
      (ended) => {
        trace?.waiting(-1);
        this.#otherAttemptEnded(ended);
      },
      (error: unknown) => {
        trace?.waiting(-1);
        trace?.storeError('wait', error);
        if (this.#phase !== 'waiting' || this.#over) return;
        this.#settle(() => {
          this.delivery.end('unavailable', 'idempotency store unavailable', describeError(error).message);
          this.delivery.cause = error;
        });
      },
    );
  }

  #otherAttemptEnded(ended: AttemptEnded) {
    if (this.#phase !== 'waiting' || this.#over) {
      if (ended.state === 'reserved') void this.#release();
      return;
    }
    switch (ended.state) {
      case 'handled':
        return this.#settle(() => this.delivery.end('duplicate'));
      case 'reserved': // the key was free and polling took it: run the handlers
        this.#phase = 'reserving';
        return this.#reservedAs('reserved');
      case 'released': {
        const { verdict } = ended;
        if (verdict === undefined) return this.#reserve(); // it failed: take it over
        return this.#settle(() => {
          this.delivery.end('rejected', verdict.error);
          this.delivery.status = verdict.status;
        });
      }
      case 'in_progress':
        return; // the deadline (or the client leaving) answers
    }
  }

  #storeFailed(error: unknown) {
    if (this.#phase !== 'reserving' || this.#over) return;
    this.#storeDeadline?.settle();
    this.delivery.trace?.storeError('reserve', error);
    // The reserve may still land (a stalled Redis executes it when it resumes, after the client gave
    // up on the reply) and leave a lease nobody releases. A release with this attempt's token, sent
    // now on the same connection, runs after it and frees it; where nothing landed it changes nothing.
    this.#releaseAfterFailure();
    const why = error === undefined ? 'did not answer in time' : describeError(error).message;
    if (this.settings.store?.onStoreError === 'process') {
      safeLog(
        this.delivery.logger,
        'warn',
        { eventId: this.delivery.id, reason: why },
        'idempotency store failed; handling without deduplication',
      );
      this.#phase = 'handling';
      this.#attach();
      return this.#start(0, undefined);
    }
    this.#settle(() => {
      this.delivery.end('unavailable', 'idempotency store unavailable', why);
      this.delivery.cause = error;
    });
  }

  /** Runs the handlers; a bug below still ends in an answer, never in an unhandled rejection. */
  #start(index: number, pending: PromiseLike<unknown> | undefined) {
    this.#runFrom(index, pending).catch((error: unknown) => {
      this.#handlersSettled?.();
      this.#decision = () => {
        this.delivery.end('handler_error', 'internal error');
        this.delivery.cause = error;
      };
      this.#answer();
    });
  }

  async #runFrom(index: number, pending: PromiseLike<unknown> | undefined) {
    const { delivery, handlers, ctx } = this;
    try {
      if (pending !== undefined) await pending;
      for (let i = pending === undefined ? index : index + 1; i < handlers.length; i++) {
        // Past the deadline the rest never starts: the delivery did not finish, so it is not recorded.
        if (this.#over) return this.#afterDeadline(false);
        const result = (handlers[i] as AnyHandler)(delivery.event, ctx);
        if (isThenable(result)) await result;
      }
    } catch (error) {
      if (this.#over) {
        this.#late(error);
        return this.#afterDeadline(false);
      }
      return this.#settle(
        () => failed(delivery, error),
        this.#reserved ? () => this.#release(verdictOf(error)) : undefined,
      );
    }
    if (this.#over) return this.#afterDeadline(true);
    this.#settle(() => succeeded(delivery, handlers), this.#reserved ? () => this.#complete() : undefined);
  }

  /**
   * The answer went out early (the deadline, or the client left); the handlers have now settled: record
   * what they ended with.
   */
  #afterDeadline(finished: boolean) {
    this.#handlersSettled?.();
    if (!this.#reserved) return;
    if (finished) {
      safeLog(
        this.delivery.logger,
        'warn',
        { eventId: this.delivery.id, eventType: this.delivery.type, outcome: this.delivery.outcome },
        'handlers finished after the answer; the event is recorded as handled',
      );
      void this.#complete();
    } else {
      void this.#release();
    }
  }

  /** The result is known; record it in the store (if any), then answer. */
  #settle(decision: () => void, record?: () => Promise<void>) {
    if (this.#over) return;
    this.#phase = 'settling';
    this.#decision = decision;
    if (record === undefined) return this.#answer();
    record().then(() => this.#answer());
  }

  #answer() {
    if (this.#over) return;
    this.#over = true;
    this.#deadline?.settle();
    this.#stopWatching();
    try {
      (this.#decision as () => void)();
    } catch (error) {
      this.delivery.end('handler_error', 'internal error');
      this.delivery.cause = error;
    } finally {
      this.#resolve();
    }
  }

  async #complete() {
    try {
      await (this.settings.store as IdempotencyStore).complete(this.#key, this.#token);
    } catch (error) {
      this.delivery.trace?.storeError('complete', error);
      this.#storeWarning(error, 'idempotency store could not record a handled event');
    }
  }

  #releaseAfterFailure() {
    try {
      Promise.resolve((this.settings.store as IdempotencyStore).release(this.#key, this.#token)).catch(
        () => {},
      );
    } catch {
      // a store that throws synchronously: nothing was sent
    }
  }

  async #release(verdict?: Verdict) {
    try {
      await (this.settings.store as IdempotencyStore).release(this.#key, this.#token, verdict);
    } catch (error) {
      this.delivery.trace?.storeError('release', error);
      this.#storeWarning(error, 'idempotency store could not release a reservation');
    }
  }

  #storeWarning(error: unknown, message: string) {
    safeLog(this.delivery.logger, 'warn', { err: describeError(error), eventId: this.delivery.id }, message);
  }

  #late(error: unknown) {
    safeLog(
      this.delivery.logger,
      'warn',
      { err: describeError(error), eventId: this.delivery.id, eventType: this.delivery.type },
      'handler failed after the deadline',
    );
  }
}

/** A veto is handed to the copies that waited for this attempt, so they answer the same. */
function verdictOf(error: unknown): Verdict | undefined {
  if (!WebhookRejection.is(error)) return undefined;
  return { status: error.status, error: safeMessage(error) };
}
