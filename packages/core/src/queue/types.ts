import type { SchemaIssue } from '../parse/validate.js';
import type { RawEvent } from '../provider.js';

/** A verified, validated event on its way to a queue: everything a worker needs to run the same handlers. */
export interface QueuedEvent<TEvent = unknown> {
  /** The provider's name (`fusionauth`, `logto`). */
  readonly provider: string;
  /** The idempotency key (FusionAuth: `event.id`): the queue derives its job id from it. */
  readonly id: string;
  readonly type: string;
  /** The validated event (fields that failed their schema are left out, see `schemaIssues`). */
  readonly event: TEvent;
  /** The event as the provider sent it. */
  readonly rawEvent: RawEvent;
  readonly schemaIssues: readonly SchemaIssue[];
  /** When the delivery arrived, in ms since the epoch. */
  readonly receivedAt: number;
  /**
   * The delivery's trace context as W3C headers (`traceparent`), when OpenTelemetry traced it: the
   * worker's span links to it. Not covered by the job signature (it decides nothing).
   */
  readonly trace?: Readonly<Record<string, string>>;
}

export interface EnqueueOptions {
  /** Hold the job this long before a worker may take it (e.g. until FusionAuth committed a `*.complete` event). */
  readonly delayMs?: number;
  /**
   * Enqueueing a transactional type answers 2xx as soon as the queue has the job, so FusionAuth commits
   * the operation before any handler ran and a worker can no longer veto it. Refused unless this is `true`.
   */
  readonly allowTransactional?: boolean;
}

/** Where `.enqueue(...)` hands events (`@authhooks/queue`'s `webhookQueue` on BullMQ, or your own). */
export interface EventQueue {
  /** For logs and error messages. */
  readonly name: string;
  /**
   * Resolves once the queue durably holds the job; rejects when it cannot take it (then the answer is
   * 503 and the provider retries). Adding the same provider and id twice must leave one job.
   */
  add(job: QueuedEvent, options: EnqueueOptions): Promise<void>;
}
