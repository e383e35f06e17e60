import { guarded, openTelemetry, type TelemetrySpanContext } from './api.js';

/**
 * The active trace context as W3C headers (`traceparent`, `tracestate`), to travel with a queued job;
 * undefined without OpenTelemetry, a registered propagator or an active span.
 */
export function traceCarrier(): Readonly<Record<string, string>> | undefined {
  const api = openTelemetry();
  if (api === undefined) return undefined;
  const carrier: Record<string, string> = {};
  guarded(() => api.propagation.inject(api.context.active(), carrier));
  return Object.keys(carrier).length === 0 ? undefined : carrier;
}

/** The span context a carrier names (the delivery that enqueued a job), to link a worker's span to it. */
export function linkedSpanContext(carrier: unknown): TelemetrySpanContext | undefined {
  const api = openTelemetry();
  if (api === undefined || !isStringRecord(carrier)) return undefined;
  let context: TelemetrySpanContext | undefined;
  guarded(() => {
    context = api.trace.getSpan(api.propagation.extract(api.context.active(), carrier))?.spanContext();
  });
  return context === undefined || /^0+$/.test(context.traceId) ? undefined : context;
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((item) => typeof item === 'string')
  );
}
