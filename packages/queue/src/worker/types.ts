import type {
  AnyEventOf,
  BaseContext,
  EventCatalog,
  EventMap,
  EventSelector,
  HandlerFailure,
  Logger,
  SelectedEvent,
  ValidationMode,
} from '@authhooks/core';
import type { WorkerOptions as BullWorkerOptions, Worker } from 'bullmq';

/**
 * A receiver's `ctx` without what only exists while the provider waits for the answer: no `reject`
 * (the provider already has its 2xx), no `headers`, no `rawBody`. Plus which attempt this is.
 */
export type WorkerContext<TExtra extends object = object> = Omit<
  BaseContext,
  'reject' | 'headers' | 'rawBody'
> & {
  /** 1 on the first run of the job, 2 on its first retry, … (a re-driven dead letter starts at 1 again). */
  readonly attempt: number;
  readonly jobId: string;
  /** When the receiver accepted the delivery (ms since the epoch). */
  readonly receivedAt: number;
} & TExtra;

export type WorkerHandler<TEvent, TExtra extends object = object> = (
  event: TEvent,
  ctx: WorkerContext<TExtra>,
) => unknown;

export interface WorkerFailure<TEvent = unknown> extends HandlerFailure<TEvent> {
  readonly attempt: number;
  readonly jobId: string;
  /** False when this was the last attempt: the job is now in the dead-letter set. */
  readonly willRetry: boolean;
}

export type WorkerErrorHandler<TEvent = unknown> = (failure: WorkerFailure<TEvent>) => unknown;

export interface BackoffOptions {
  /** `exponential` (default): `delayMs`, 2×, 4×, … ; `fixed`: `delayMs` every time. */
  readonly type?: 'exponential' | 'fixed';
  /** Default 1000. */
  readonly delayMs?: number;
  /** The longest wait between attempts. Default 5 minutes. */
  readonly maxDelayMs?: number;
}

/** Milliseconds to wait before the next attempt, given the attempt that just failed (1-based). */
export type BackoffFunction = (attempt: number, error: unknown) => number;

/** BullMQ worker settings passed through; the rest are set from the options above. */
export type BullWorkerSettings = Pick<
  BullWorkerOptions,
  | 'name'
  | 'lockDuration'
  | 'lockRenewTime'
  | 'stalledInterval'
  | 'maxStalledCount'
  | 'drainDelay'
  | 'limiter'
  | 'removeOnComplete'
  | 'removeOnFail'
  | 'telemetry'
>;

export interface WorkerOptions<TMap extends EventMap, TExtra extends object> {
  /** The provider's events (`fusionAuthEvents`, `logtoEvents`): they type the handlers and re-validate jobs. */
  readonly events: EventCatalog<TMap, TExtra>;
  /** Jobs run at once by this worker. Default 1. */
  readonly concurrency?: number;
  /** Runs of a job before it goes to the dead-letter set. Default 5. */
  readonly attempts?: number;
  /** Wait between attempts. Default exponential from 1 s (1, 2, 4, 8 s). */
  readonly backoff?: BackoffOptions | BackoffFunction;
  /** An attempt fails after this long (`ctx.signal` is aborted). Default 30 000; `false` for none. */
  readonly timeoutMs?: number | false;
  readonly logger?: Logger;
  /** As the receiver's: `lenient` (default) leaves out fields that fail their schema; `strict` fails the job. */
  readonly validation?: ValidationMode;
  /**
   * Signals on which the worker closes gracefully (`close()`), then lets the signal end the process as it
   * would have, unless something else listens for it. Default `['SIGTERM', 'SIGINT']`; `false` for none.
   */
  readonly shutdownSignals?: readonly NodeJS.Signals[] | false;
  /**
   * How long `close()` lets running jobs finish before aborting them (their attempt fails and is retried,
   * by this or another worker). Default 10 000.
   */
  readonly shutdownTimeoutMs?: number;
  /**
   * BullMQ worker settings, e.g. `{ lockDuration, stalledInterval }` for faster stalled-job recovery, or
   * `{ telemetry: new BullMQOtel('webhooks') }` (bullmq-otel) for BullMQ's own spans around each job.
   */
  readonly bullmq?: BullWorkerSettings;
}

export interface QueueWorker<TMap extends EventMap = EventMap, TExtra extends object = object> {
  /** Runs `handler` for one type, several, or a `prefix.*` wildcard; `event` is typed accordingly. */
  on<const S extends EventSelector<TMap>>(
    selector: S | readonly S[],
    handler: WorkerHandler<SelectedEvent<TMap, S>, TExtra>,
  ): QueueWorker<TMap, TExtra>;
  /** Runs for every job, including types this catalog does not know (a newer receiver's). */
  onAny(handler: WorkerHandler<AnyEventOf<TMap>, TExtra>): QueueWorker<TMap, TExtra>;
  /** Sees every attempt whose handlers failed or timed out, after it failed. Cannot change what happens to the job. */
  onError(handler: WorkerErrorHandler<AnyEventOf<TMap>>): QueueWorker<TMap, TExtra>;
  /** Removes a handler registered with `on` (same selector), `onAny` (`'*'`) or `onError` (`'error'`). */
  off(
    selector: EventSelector<TMap> | readonly EventSelector<TMap>[] | '*' | 'error',
    // biome-ignore lint/suspicious/noExplicitAny: any registered handler can be removed
    handler: (...args: any[]) => unknown,
  ): QueueWorker<TMap, TExtra>;
  /** Starts taking jobs; resolves once connected to Redis. */
  start(): Promise<QueueWorker<TMap, TExtra>>;
  /**
   * Stops taking jobs, lets running ones finish (up to `shutdownTimeoutMs`, then aborts them) and closes
   * the worker's connections.
   */
  close(): Promise<void>;
  /** The BullMQ worker underneath, once started. */
  readonly bullmq: Worker | undefined;
}
