import {
  type ContextFields,
  childLogger,
  type Logger,
  type RawEvent,
  type SchemaIssue,
} from '@authhooks/core';
import type { ReadJob } from './read-job.js';

/**
 * The context of one attempt at one job. The child logger and the catalog's fields (FusionAuth's
 * `transactional`) are computed when a handler first reads them.
 */
export class JobContext {
  readonly #job: ReadJob;
  readonly #logger: Logger;
  readonly #signal: AbortSignal;
  #log: Logger | undefined = undefined;
  readonly attempt: number;
  readonly jobId: string;

  constructor(job: ReadJob, attempt: number, jobId: string, signal: AbortSignal, logger: Logger) {
    this.#job = job;
    this.#logger = logger;
    this.#signal = signal;
    this.attempt = attempt;
    this.jobId = jobId;
  }

  get signal(): AbortSignal {
    return this.#signal;
  }

  get log(): Logger {
    this.#log ??= childLogger(this.#logger, {
      eventId: this.#job.id,
      eventType: this.#job.type,
      jobId: this.jobId,
      attempt: this.attempt,
    });
    return this.#log;
  }

  get eventId(): string {
    return this.#job.id;
  }

  get eventType(): string {
    return this.#job.type;
  }

  get rawEvent(): RawEvent {
    return this.#job.rawEvent;
  }

  get schemaIssues(): readonly SchemaIssue[] {
    return this.#job.schemaIssues;
  }

  get receivedAt(): number {
    return this.#job.receivedAt;
  }
}

export type JobContextClass = new (
  job: ReadJob,
  attempt: number,
  jobId: string,
  signal: AbortSignal,
  logger: Logger,
) => JobContext;

/** A context class with the catalog's fields as lazy getters on its prototype, built once per worker. */
export function jobContextClass(fields: ContextFields<object> | undefined): JobContextClass {
  if (fields === undefined) return JobContext;
  class CatalogContext extends JobContext {}
  for (const [name, compute] of Object.entries(fields) as [
    string,
    (event: RawEvent, type: string) => unknown,
  ][]) {
    Object.defineProperty(CatalogContext.prototype, name, {
      enumerable: true,
      get(this: JobContext) {
        return compute(this.rawEvent, this.eventType);
      },
    });
  }
  return CatalogContext;
}
