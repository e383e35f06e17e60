import type { EventMap } from '../provider.js';

/**
 * Where an operation a transactional event announced stands. `pending`: FusionAuth may still commit or
 * roll it back; `committed` (its `*.complete` arrived, or `confirm` said so) and `rolled_back` (the
 * answer was not 2xx, or the window passed unconfirmed) are decided. A `rolled_back` operation can still
 * turn `committed` when its `*.complete` arrives late (FusionAuth committed after all: the policy was
 * `None`, or other webhooks carried the vote); a `committed` one never changes again.
 */
export type PendingState = 'pending' | 'committed' | 'rolled_back';

export interface PendingOperation {
  /** The event id of the delivery that announced it. */
  readonly id: string;
  /** Its type, e.g. `user.registration.create`. */
  readonly type: string;
  /** What its `*.complete` event will match: the complete type and the object it is about. */
  readonly match: string;
  /** The validated event, as handlers saw it (JSON). */
  readonly event: unknown;
  /** When the window ends (ms since the epoch): unconfirmed by then, it is decided without the `*.complete`. */
  readonly dueAt: number;
  /** How this receiver answered the delivery: a 2xx vote, or a failed one. */
  readonly answered: 'ok' | 'failed';
}

/** An operation this caller now holds for `leaseMs` (nobody else is handed it meanwhile). */
export interface ClaimedOperation {
  readonly operation: PendingOperation;
  readonly state: PendingState;
}

/**
 * Pending commit-aware operations, shared by every receiver instance on the same store (memoryStore
 * per process, redisStore across instances). Each claim is exclusive for `leaseMs`; the claimer then
 * `decide`s (the callback ran) or `retry`s (it failed); a claimer that crashed loses its claim when the
 * lease ends, so an operation is never lost and each callback runs once unless a process dies mid-way.
 */
export interface PendingStore {
  /**
   * Records `operation`. When one with its id is already recorded (another copy of the event answered
   * first) and still `pending`, only its due time moves, to the later of the two.
   */
  addPending(operation: PendingOperation): Promise<void>;
  /**
   * The handler that held a `pending`, unclaimed operation past its answer settled: it is due at `dueAt`.
   * Does nothing to a claimed or decided one.
   */
  reschedule(id: string, dueAt: number): Promise<void>;
  /** The oldest unclaimed operation for `match` that is `pending` or `rolled_back`, claimed. */
  claimMatch(match: string, token: string, leaseMs: number): Promise<ClaimedOperation | undefined>;
  /** Up to `limit` unclaimed `pending` operations whose window ended by `now`, claimed. */
  claimDue(now: number, token: string, leaseMs: number, limit: number): Promise<ClaimedOperation[]>;
  /** The claimed operation is decided; `keepMs` later it is forgotten. */
  decide(id: string, token: string, state: 'committed' | 'rolled_back', keepMs: number): Promise<void>;
  /** The callback failed: unclaim it and try again at `retryAt` (a `rolled_back` one waits for its `*.complete`). */
  retry(id: string, token: string, retryAt: number): Promise<void>;
}

/** How an operation was decided. */
export type DecidedBy =
  | 'complete' // its *.complete event arrived
  | 'answer' // this receiver answered non-2xx
  | 'confirm' // the window passed and confirm() answered
  | 'window'; // the window passed without confirm()

export interface CommitInfo {
  readonly eventId: string;
  readonly eventType: string;
  readonly decidedBy: DecidedBy;
}

export type CommitHandler<TEvent> = (event: TEvent, info: CommitInfo) => unknown;

export interface CommitOptions<TMap extends EventMap = EventMap> {
  /**
   * How long to wait for the `*.complete` event after a 2xx answer before deciding without it. Default
   * 60 000. Keep it above how long FusionAuth may take to commit and deliver (retries included).
   */
  readonly windowMs?: number;
  /**
   * Asked when the window passes without a `*.complete` (a lost delivery must not undo a real commit),
   * after a 2xx answer and after a failed one alike (FusionAuth may commit anyway): whether FusionAuth
   * committed, e.g. whether the user exists (`@fusionauth/typescript-client`). Without it, an
   * unconfirmed operation is rolled back, and one this receiver refused is rolled back at once. A throw
   * retries later.
   */
  readonly confirm?: (
    event: TMap[ConfirmableType<TMap>],
    info: { eventId: string; eventType: string },
  ) => boolean | Promise<boolean>;
  /** Where pending operations live. Default: the receiver's `idempotency` store when it keeps them, else one in memory. */
  readonly store?: PendingStore;
  /** How often due operations are looked for. Default 1 000. */
  readonly sweepMs?: number;
  /** How long a decided operation is remembered, so a late `*.complete` still finds it. Default 24 h. */
  readonly keepMs?: number;
  /**
   * The event types enabled for this receiver in the provider (e.g. the webhook's `eventsEnabled` read
   * from FusionAuth's API at start-up). When given, registering `onCommit`/`onRollback` warns about each
   * `*.complete` event missing from it: without it every operation waits for the window.
   */
  readonly enabledEvents?: readonly string[] | Readonly<Record<string, boolean>>;
}

/** The types whose commit can be confirmed: those with a `<type>.complete` event in the map. */
export type ConfirmableType<TMap extends EventMap> = {
  [K in keyof TMap & string]: `${K}.complete` extends keyof TMap ? K : never;
}[keyof TMap & string];

/** Whether `value` keeps pending operations (a store that also implements `PendingStore`). */
export function isPendingStore(value: unknown): value is PendingStore {
  const store = value as Partial<PendingStore> | undefined;
  return (
    typeof store?.addPending === 'function' &&
    typeof store.claimMatch === 'function' &&
    typeof store.claimDue === 'function' &&
    typeof store.reschedule === 'function' &&
    typeof store.decide === 'function' &&
    typeof store.retry === 'function'
  );
}
