import {
  guardedTelemetry,
  linkedSpanContext,
  type OpenTelemetryApi,
  openTelemetry,
  runInSpan,
  spanKind,
  spanLogFields,
  spanStatusError,
  type TelemetryAttributes,
  type TelemetrySpan,
  telemetryMetrics,
  tracerFor,
} from '@authhooks/core';

/** What happened to a job's attempt, as `authhooks.queue.job.state`. */
export type JobState = 'completed' | 'retried' | 'dead_lettered';

export interface JobTraceInput {
  readonly queue: string;
  readonly jobId: string;
  readonly attempt: number;
  readonly provider: string;
  readonly type: string;
  readonly eventId: string;
  /** The job's `trace` field: the context of the delivery that enqueued it. */
  readonly carrier: unknown;
}

/**
 * One attempt of a job as a consumer span, linked to the span of the delivery that enqueued it (a
 * link, not a parent: the job may run long after, and more than once). A child of whatever span is
 * active (BullMQ's own, with its `telemetry` option). Undefined without OpenTelemetry.
 */
export class JobTrace {
  private constructor(
    readonly span: TelemetrySpan | undefined,
    readonly input: JobTraceInput,
  ) {}

  static begin(input: JobTraceInput): JobTrace | undefined {
    const api = openTelemetry();
    if (api === undefined) return undefined;
    const linked = linkedSpanContext(input.carrier);
    let trace: JobTrace | undefined;
    guardedTelemetry(() => {
      trace = JobTrace.#start(api, input, linked);
    });
    return trace;
  }

  static #start(
    api: OpenTelemetryApi,
    input: JobTraceInput,
    linked: ReturnType<typeof linkedSpanContext>,
  ): JobTrace {
    const span = tracerFor(api).startSpan(`${input.provider} ${input.type} process`, {
      kind: spanKind.consumer,
      attributes: {
        'messaging.system': 'bullmq',
        'messaging.operation.type': 'process',
        'messaging.destination.name': input.queue,
        'messaging.message.id': input.jobId,
        'authhooks.provider': input.provider,
        'authhooks.event.type': input.type,
        'authhooks.event.id': input.eventId,
        'authhooks.queue.attempt': input.attempt,
      },
      ...(linked !== undefined && { links: [{ context: linked }] }),
    });
    return new JobTrace(span.isRecording() ? span : undefined, input);
  }

  /** Runs the handlers with this attempt's span active. */
  run<T>(fn: () => T): T {
    const api = openTelemetry();
    return api === undefined ? fn() : runInSpan(api, this.span, fn);
  }

  logFields(): { trace_id: string; span_id: string } | undefined {
    return spanLogFields(this.span);
  }

  finish(state: JobState, error?: unknown): void {
    countJob(this.input.provider, this.input.type, this.input.queue, state);
    const span = this.span;
    if (span === undefined) return;
    guardedTelemetry(() => {
      span.setAttribute('authhooks.queue.job.state', state);
      if (error !== undefined) {
        span.recordException(error);
        span.setStatus({ code: spanStatusError, message: state });
      }
    });
    guardedTelemetry(() => span.end());
  }
}

export function countJob(provider: string, type: string | undefined, queue: string, state: JobState): void {
  const attributes: TelemetryAttributes = {
    'authhooks.provider': provider,
    'authhooks.queue.name': queue,
    'authhooks.queue.job.state': state,
  };
  if (type !== undefined) attributes['authhooks.event.type'] = type;
  guardedTelemetry(() => telemetryMetrics()?.queueJobs.add(1, attributes));
}
