import type { Delivery } from '../delivery.js';
import { describeError, type Logger, safeLog } from '../logger.js';
import type { Outcome } from '../outcomes.js';
import type { EventCompletion } from '../provider.js';
import { guarded } from '../telemetry/api.js';
import { metrics } from '../telemetry/metrics.js';
import type {
  ClaimedOperation,
  CommitHandler,
  CommitOptions,
  DecidedBy,
  PendingOperation,
  PendingStore,
} from './types.js';

/** Outcomes that were a 2xx vote for the operation (a `duplicate`'s first copy recorded it already). */
const votedFor: ReadonlySet<Outcome> = new Set(['handled', 'queued', 'ignored']);
/**
 * Outcomes after which a handler may still be running (this copy's, or, for `in_progress`, the attempt
 * it waited for): decide once the window passed, not at once.
 */
const mayStillRun: ReadonlySet<Outcome> = new Set(['timeout', 'client_gone', 'in_progress']);
/**
 * How long a handler still running after its answer may hold its operation undecided: a rollback decided
 * before it settles would be undone by its late write. A process that died mid-handler is decided then.
 */
export const heldLimitMs = 600_000;

const leaseMs = 30_000;
const batch = 50;

export interface CommitTrackerSettings {
  readonly completion: EventCompletion;
  readonly store: PendingStore;
  readonly options: CommitOptions;
  readonly logger: Logger;
  readonly instance: string;
  /** For the `authhooks.commit.operations` metric. */
  readonly provider: string;
}

/**
 * Commit-aware handlers: `onCommit` runs once FusionAuth committed an operation a transactional event
 * announced, `onRollback` once it did not. After each delivery of a type with such handlers the tracker
 * records a pending operation (before the answer goes out, so its `*.complete` always finds it); the
 * `*.complete` delivery decides `committed`; a non-2xx answer decides `rolled_back` (a late `*.complete`
 * still turns it `committed`); the sweeper decides what the window left open, asking `confirm` first.
 */
export class CommitTracker {
  readonly #commit = new Map<string, CommitHandler<unknown>[]>();
  readonly #rollback = new Map<string, CommitHandler<unknown>[]>();
  readonly #settings: CommitTrackerSettings;
  readonly #windowMs: number;
  readonly #keepMs: number;
  #sweeper: ReturnType<typeof setInterval> | undefined;
  #claims = 0;

  constructor(settings: CommitTrackerSettings) {
    this.#settings = settings;
    this.#windowMs = settings.options.windowMs ?? 60_000;
    this.#keepMs = settings.options.keepMs ?? 86_400_000;
  }

  /** Whether `type` can be confirmed (has a `*.complete` event). */
  confirmable(type: string): boolean {
    return this.#settings.completion.completeTypeOf(type) !== undefined;
  }

  add(kind: 'commit' | 'rollback', type: string, handler: CommitHandler<unknown>): void {
    if (typeof handler !== 'function') {
      throw new TypeError(
        `authhooks: the on${kind === 'commit' ? 'Commit' : 'Rollback'} handler for "${type}" must be a function.`,
      );
    }
    if (!this.confirmable(type)) {
      throw new TypeError(
        `authhooks: ${type} has no *.complete event, so its commit cannot be known; onCommit and onRollback take ` +
          `the types that have one (e.g. user.create, user.registration.create, group.member.add).`,
      );
    }
    const handlers = kind === 'commit' ? this.#commit : this.#rollback;
    handlers.set(type, [...(handlers.get(type) ?? []), handler]);
    this.#warnIfNotEnabled(type);
    this.#startSweeper();
  }

  #warned = new Set<string>();

  #warnIfNotEnabled(type: string) {
    const enabled = this.#settings.options.enabledEvents;
    if (enabled === undefined) return;
    const on = (name: string) =>
      Array.isArray(enabled) ? enabled.includes(name) : (enabled as Record<string, boolean>)[name] === true;
    const missing = [type, this.#settings.completion.completeTypeOf(type) as string].filter(
      (name) => !on(name),
    );
    for (const name of missing) {
      if (this.#warned.has(name)) continue;
      this.#warned.add(name);
      safeLog(
        this.#settings.logger,
        'warn',
        { eventType: name, for: type },
        `${name} is not enabled for this webhook, but on${name === type ? 'Commit/onRollback need it' : `Commit/onRollback for ${type} wait for it`}: ` +
          'enable it on the webhook and the tenant (fusionAuthWebhookConfig or `authhooks fusionauth config` lists it), or every operation waits for the window.',
      );
    }
  }

  /** Whether the provider must send `type` for the registered handlers to work (a tracked type or its `*.complete`). */
  needs(type: string): boolean {
    if (this.#tracked(type)) return true;
    const base = this.#settings.completion.baseTypeOf(type);
    return base !== undefined && this.#tracked(base);
  }

  /** Whether a delivery of `type` concerns the tracker (a tracked type, or the `*.complete` of one). */
  concerns(type: string | undefined): boolean {
    // Every delivery asks: with no commit-aware handler it costs two size checks.
    if (type === undefined || (this.#commit.size === 0 && this.#rollback.size === 0)) return false;
    return this.needs(type);
  }

  /** After a delivery's outcome is decided and before its answer is written. */
  async after(delivery: Delivery): Promise<void> {
    const type = delivery.type as string;
    if (this.#tracked(type)) return this.#record(delivery, type);
    const base = this.#settings.completion.baseTypeOf(type);
    if (base !== undefined) return this.#completed(delivery, base);
  }

  /**
   * The operation this tracker will record for `delivery` if it is answered 2xx now (undefined when no
   * commit-aware handler concerns it): a store that records handled events inside the handler's
   * transaction writes it there too, so a crash before the answer loses no pending undo.
   */
  provisional(delivery: Delivery): { store: PendingStore; operation: PendingOperation } | undefined {
    const type = delivery.type as string;
    if (!this.#tracked(type)) return undefined;
    const operation = this.#operationOf(delivery, type, Date.now() + this.#windowMs, 'ok');
    return operation === undefined ? undefined : { store: this.#settings.store, operation };
  }

  #operationOf(
    delivery: Delivery,
    type: string,
    dueAt: number,
    answered: PendingOperation['answered'],
  ): PendingOperation | undefined {
    if (delivery.id === undefined || delivery.event === undefined) return undefined;
    const match = this.#matchOf(type, delivery.event);
    if (match === undefined) return undefined;
    return { id: delivery.id, type, match, event: delivery.event, dueAt, answered };
  }

  /** Decides every operation whose window ended by `now` (the sweeper calls it; tests may too). */
  async sweep(now = Date.now()): Promise<number> {
    const { store } = this.#settings;
    const token = this.#token();
    const claimed = await store.claimDue(now, token, leaseMs, batch);
    await Promise.all(claimed.map((claim) => this.#decideUnconfirmed(claim, token)));
    return claimed.length;
  }

  #tracked(type: string): boolean {
    return this.#commit.has(type) || this.#rollback.has(type);
  }

  async #record(delivery: Delivery, type: string): Promise<void> {
    const outcome = delivery.outcome as Outcome;
    if (outcome === 'duplicate') return;
    const ok = votedFor.has(outcome);
    // A failed vote is decided at once (rolled back), unless a handler may still be running or
    // `confirm` can tell: FusionAuth may commit anyway (policy None, or the other webhooks' votes) and
    // a lost *.complete must not leave that unknown.
    const atOnce = !ok && !mayStillRun.has(outcome) && this.#settings.options.confirm === undefined;
    const windowEnd = Date.now() + (atOnce ? 0 : this.#windowMs);
    // A handler still running holds the decision until it settles (then the window's end, or at once).
    const held = delivery.handlersSettled;
    const dueAt = held === undefined ? windowEnd : windowEnd + heldLimitMs;
    const operation = this.#operationOf(delivery, type, dueAt, ok ? 'ok' : 'failed');
    if (operation === undefined) return;
    const { store } = this.#settings;
    try {
      await store.addPending(operation);
    } catch (error) {
      // The vote stands; without the record the window cannot be kept. Say so loudly.
      safeLog(
        delivery.logger,
        'error',
        { err: describeError(error), eventId: delivery.id },
        'could not record a pending operation',
      );
      return;
    }
    this.#count('pending', operation.type);
    if (atOnce) setTimeout(() => void this.sweep().catch(() => {}), 0);
    if (held !== undefined) void held.then(() => this.#release(operation.id, windowEnd, delivery));
  }

  /** The handler holding `id` settled: it is due at the window's end, or now if that passed. */
  async #release(id: string, windowEnd: number, delivery: Delivery): Promise<void> {
    try {
      await this.#settings.store.reschedule(id, Math.max(windowEnd, Date.now()));
    } catch (error) {
      safeLog(
        delivery.logger,
        'warn',
        { err: describeError(error), eventId: id },
        `could not reschedule a pending operation; it is decided ${heldLimitMs / 60_000} minutes after its answer`,
      );
    }
  }

  async #completed(delivery: Delivery, base: string): Promise<void> {
    if (delivery.event === undefined || !votedFor.has(delivery.outcome as Outcome)) return;
    const match = this.#matchOf(base, delivery.event);
    if (match === undefined) return;
    const { store } = this.#settings;
    const token = this.#token();
    let claim: ClaimedOperation | undefined;
    try {
      claim = await store.claimMatch(match, token, leaseMs);
    } catch (error) {
      // 503: FusionAuth re-sends the *.complete once the store is back.
      delivery.end('unavailable', 'pending operations store unavailable', describeError(error).message);
      delivery.cause = error;
      return;
    }
    if (claim === undefined) return;
    const { operation } = claim;
    try {
      await this.#run('commit', operation, 'complete');
    } catch (error) {
      await store.retry(operation.id, token, Date.now() + this.#windowMs).catch(() => {});
      // Non-2xx: FusionAuth re-sends the *.complete, which runs onCommit again.
      delivery.end('handler_error', 'onCommit failed');
      delivery.cause = error;
      return;
    }
    await store.decide(operation.id, token, 'committed', this.#keepMs);
  }

  async #decideUnconfirmed({ operation }: ClaimedOperation, token: string): Promise<void> {
    const { store, options, logger } = this.#settings;
    let committed = false;
    let decidedBy: DecidedBy = operation.answered === 'failed' ? 'answer' : 'window';
    try {
      if (options.confirm !== undefined) {
        decidedBy = 'confirm';
        committed = await options.confirm(operation.event as never, {
          eventId: operation.id,
          eventType: operation.type,
        });
      }
      await this.#run(committed ? 'commit' : 'rollback', operation, decidedBy);
    } catch (error) {
      safeLog(
        logger,
        'warn',
        { err: describeError(error), eventId: operation.id, eventType: operation.type },
        'deciding a pending operation failed; retrying',
      );
      await store.retry(operation.id, token, Date.now() + Math.min(this.#windowMs, 30_000)).catch(() => {});
      return;
    }
    await store.decide(operation.id, token, committed ? 'committed' : 'rolled_back', this.#keepMs);
  }

  async #run(kind: 'commit' | 'rollback', operation: PendingOperation, decidedBy: DecidedBy): Promise<void> {
    const handlers = (kind === 'commit' ? this.#commit : this.#rollback).get(operation.type) ?? [];
    const info = { eventId: operation.id, eventType: operation.type, decidedBy };
    for (const handler of handlers) await handler(operation.event, info);
    this.#count(kind === 'commit' ? 'committed' : 'rolled_back', operation.type, decidedBy);
    safeLog(
      this.#settings.logger,
      'info',
      { ...info, resolution: kind === 'commit' ? 'committed' : 'rolled_back' },
      `operation ${kind === 'commit' ? 'committed' : 'rolled back'}`,
    );
  }

  #count(state: 'pending' | 'committed' | 'rolled_back', type: string, decidedBy?: DecidedBy): void {
    guarded(() =>
      metrics()?.commitOperations.add(1, {
        'authhooks.provider': this.#settings.provider,
        'authhooks.event.type': type,
        'authhooks.commit.state': state,
        ...(decidedBy !== undefined && { 'authhooks.commit.decided_by': decidedBy }),
      }),
    );
  }

  #matchOf(base: string, event: unknown): string | undefined {
    const complete = this.#settings.completion.completeTypeOf(base);
    const key = this.#settings.completion.objectKey(base, event);
    return complete === undefined || key === undefined ? undefined : `${complete}|${key}`;
  }

  #token(): string {
    return `${this.#settings.instance}:commit:${++this.#claims}`;
  }

  /** Stops the sweeper (the receiver's `close()`). */
  stop(): void {
    clearInterval(this.#sweeper);
    this.#sweeper = undefined;
    this.#stopped = true;
  }

  #stopped = false;

  #startSweeper() {
    if (this.#sweeper !== undefined || this.#stopped) return;
    const every = this.#settings.options.sweepMs ?? 1_000;
    this.#sweeper = setInterval(() => {
      this.sweep().catch((error: unknown) =>
        safeLog(
          this.#settings.logger,
          'warn',
          { err: describeError(error) },
          'pending operations: the store failed; trying again',
        ),
      );
    }, every);
    (this.#sweeper as { unref?: () => void }).unref?.();
  }
}
