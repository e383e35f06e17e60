import type { Delivery } from '../delivery.js';
import { describeError } from '../logger.js';
import type { Outcome } from '../outcomes.js';
import type { Answer } from '../pipeline/http-policy.js';
import {
  guarded,
  mayRecordSpans,
  type OpenTelemetryApi,
  openTelemetry,
  runInSpan,
  spanKind,
  spanLogFields,
  spanStatusError,
  type TelemetryAttributes,
  type TelemetrySpan,
  tracerFor,
} from './api.js';
import { inFlight, type Metrics, metrics, waitingCopies } from './metrics.js';

/** What a receiver's deliveries are traced with, decided at construction. */
export interface TelemetrySettings {
  readonly provider: string;
  /** The checks every delivery must pass, e.g. `authorization` or `hmac-sha256,jwt`. */
  readonly verification: string;
  /** Whether the provider may roll the operation back on a non-2xx answer. */
  readonly transactional: ((type: string) => boolean) | undefined;
}

/** Schema issues beyond this many are counted, not listed, on the span. */
const maxIssueEvents = 10;

/** Answers whose status says the receiver failed (a server span's error status, per the HTTP conventions). */
const serverFailures: ReadonlySet<Outcome> = new Set([
  'handler_error',
  'timeout',
  'unavailable',
  'misconfigured',
]);

/**
 * One delivery's span and metrics. Exists only when OpenTelemetry does; `span` only when a tracer
 * provider records it (with the API alone, the metrics calls are the API's no-ops).
 */
export class DeliveryTrace {
  #ended = false;

  constructor(
    readonly api: OpenTelemetryApi,
    readonly span: TelemetrySpan | undefined,
    readonly metrics: Metrics | undefined,
    readonly settings: TelemetrySettings,
  ) {}

  /** Runs `fn` with this delivery's span active, so the handlers' own spans nest under it. */
  run<T>(fn: () => T): T {
    return runInSpan(this.api, this.span, fn);
  }

  /** `trace_id` and `span_id` for a log line, when the delivery is traced. */
  logFields(): { trace_id: string; span_id: string } | undefined {
    return spanLogFields(this.span);
  }

  /** A copy started or stopped waiting for another attempt of its event. */
  waiting(change: 1 | -1): void {
    waitingCopies.change(this.settings.provider, change);
  }

  /** An idempotency store call failed or did not answer in time. */
  storeError(operation: 'reserve' | 'wait' | 'complete' | 'release', error: unknown): void {
    guarded(() => {
      this.metrics?.storeErrors.add(1, {
        'authhooks.provider': this.settings.provider,
        'authhooks.store.operation': operation,
      });
      if (this.span === undefined || this.#ended) return;
      this.span.addEvent('authhooks.store_error', {
        'authhooks.store.operation': operation,
        'error.type': error === undefined ? 'timeout' : describeError(error).name,
      });
    });
  }

  /** The answer is decided: the delivery's attributes, events and status, then the span ends. */
  finish(delivery: Delivery, answer: Answer): void {
    if (this.#ended) return;
    this.#ended = true;
    const { provider } = this.settings;
    inFlight.change(provider, -1);
    const metrics = this.metrics;
    if (metrics !== undefined) {
      const attributes: TelemetryAttributes = {
        'authhooks.provider': provider,
        'authhooks.outcome': answer.outcome,
        'http.response.status_code': answer.status,
      };
      if (delivery.type !== undefined) attributes['authhooks.event.type'] = delivery.type;
      guarded(() => {
        metrics.deliveries.add(1, attributes);
        metrics.duration.record((performance.now() - delivery.started) / 1000, attributes);
      });
    }
    const span = this.span;
    if (span === undefined) return;
    guarded(() => describeSpan(span, delivery, answer, this.settings));
    guarded(() => span.end());
  }
}

function describeSpan(
  span: TelemetrySpan,
  delivery: Delivery,
  answer: Answer,
  settings: TelemetrySettings,
): void {
  const { type, id } = delivery;
  span.setAttribute('authhooks.outcome', answer.outcome);
  span.setAttribute('http.response.status_code', answer.status);
  if (type !== undefined) {
    span.updateName(`${settings.provider} ${type}`);
    span.setAttribute('authhooks.event.type', type);
    const transactional = settings.transactional?.(type);
    if (transactional !== undefined) span.setAttribute('authhooks.transactional', transactional);
  }
  if (id !== undefined) span.setAttribute('authhooks.event.id', id);
  const tenant = delivery.rawEvent?.tenantId;
  if (typeof tenant === 'string') span.setAttribute('authhooks.tenant.id', tenant);
  if (answer.outcome === 'duplicate') span.setAttribute('authhooks.duplicate', true);
  if (delivery.waited) span.setAttribute('authhooks.waited', true);
  addIssues(span, delivery);
  if (answer.outcome === 'rejected') {
    span.addEvent('authhooks.veto', {
      'authhooks.veto.reason': delivery.error,
      'http.response.status_code': answer.status,
    });
  }
  if (answer.outcome === 'timeout')
    span.addEvent('authhooks.timeout', { 'authhooks.reason': delivery.error });
  if (answer.outcome === 'handler_error' && delivery.cause !== undefined)
    span.recordException(delivery.cause);
  if (serverFailures.has(answer.outcome)) {
    span.setAttribute('error.type', answer.outcome);
    span.setStatus({ code: spanStatusError, message: delivery.error ?? answer.outcome });
  }
}

function addIssues(span: TelemetrySpan, delivery: Delivery): void {
  const issues = delivery.schemaIssues;
  if (issues.length === 0) return;
  span.setAttribute('authhooks.schema_issues', issues.length);
  for (let i = 0; i < issues.length && i < maxIssueEvents; i++) {
    const issue = issues[i] as (typeof issues)[number];
    span.addEvent('authhooks.schema_issue', {
      'authhooks.schema.path': issue.path.join('.'),
      'authhooks.schema.message': issue.message,
    });
  }
}

/**
 * Starts a delivery's trace: a child of the framework's server span when one is active, otherwise a
 * server span of its own. Undefined without OpenTelemetry, at the cost of one check.
 */
export function beginTrace(delivery: Delivery, settings: TelemetrySettings): DeliveryTrace | undefined {
  const api = openTelemetry();
  if (api === undefined) return undefined;
  let trace: DeliveryTrace | undefined;
  guarded(() => {
    const instruments = metrics();
    // The API without an SDK (a dependency brought it in): nothing to record, so nothing to do.
    if (instruments === undefined && !mayRecordSpans(api)) return;
    const parent = api.trace.getSpan(api.context.active());
    const span = tracerFor(api).startSpan(`${settings.provider} webhook`, {
      kind: parent === undefined ? spanKind.server : spanKind.internal,
      attributes: {
        'authhooks.provider': settings.provider,
        'authhooks.verification': settings.verification,
        'http.request.method': delivery.method,
      },
    });
    const recording = span.isRecording();
    // No SDK at all (neither a recording tracer nor a meter provider): nothing to keep for this delivery.
    if (!recording && instruments === undefined) return;
    trace = new DeliveryTrace(api, recording ? span : undefined, instruments, settings);
    inFlight.change(settings.provider, 1);
  });
  return trace;
}
