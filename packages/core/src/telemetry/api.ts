/**
 * The part of `@opentelemetry/api` authhooks uses, declared structurally so that neither the package
 * nor its types are needed by an app that does not trace: the real module satisfies it (checked by a
 * type test), and so does any copy of the API 1.x an app bundles.
 */
export type TelemetryAttributes = Record<string, string | number | boolean | undefined>;

export interface TelemetrySpanContext {
  readonly traceId: string;
  readonly spanId: string;
  readonly traceFlags: number;
}

export interface TelemetrySpan {
  setAttribute(key: string, value: string | number | boolean): unknown;
  addEvent(name: string, attributes?: TelemetryAttributes): unknown;
  recordException(exception: unknown): void;
  setStatus(status: { code: number; message?: string }): unknown;
  updateName(name: string): unknown;
  end(): void;
  isRecording(): boolean;
  spanContext(): TelemetrySpanContext;
}

export interface TelemetrySpanOptions {
  kind?: number;
  attributes?: TelemetryAttributes;
  links?: { context: TelemetrySpanContext; attributes?: TelemetryAttributes }[];
}

export interface TelemetryTracer {
  startSpan(name: string, options?: TelemetrySpanOptions, context?: unknown): TelemetrySpan;
}

export interface TelemetryCounter {
  add(value: number, attributes?: TelemetryAttributes): void;
}

export interface TelemetryHistogram {
  record(value: number, attributes?: TelemetryAttributes): void;
}

export interface TelemetryInstrumentOptions {
  description?: string;
  unit?: string;
  advice?: { explicitBucketBoundaries?: number[] };
}

export interface TelemetryObservable {
  addCallback(
    callback: (result: { observe(value: number, attributes?: TelemetryAttributes): void }) => void,
  ): void;
}

export interface TelemetryMeter {
  createCounter(name: string, options?: TelemetryInstrumentOptions): TelemetryCounter;
  createObservableUpDownCounter(name: string, options?: TelemetryInstrumentOptions): TelemetryObservable;
  createHistogram(name: string, options?: TelemetryInstrumentOptions): TelemetryHistogram;
}

export interface OpenTelemetryApi {
  readonly trace: {
    getTracer(name: string, version?: string): TelemetryTracer;
    /** The API's proxy provider; its `getDelegateTracer` tells whether an SDK is registered. */
    getTracerProvider?(): object;
    getSpan(context: unknown): TelemetrySpan | undefined;
    setSpan(context: unknown, span: TelemetrySpan): unknown;
  };
  readonly context: {
    active(): unknown;
    with<T>(context: unknown, fn: () => T): T;
  };
  readonly metrics: {
    getMeterProvider(): { getMeter(name: string, version?: string): TelemetryMeter };
  };
  readonly propagation: {
    inject(context: unknown, carrier: Record<string, string>): void;
    extract(context: unknown, carrier: Record<string, string>): unknown;
  };
  /** The API's own no-op meter (API 1.3+): tells authhooks that no meter provider is registered. */
  readonly createNoopMeter?: () => TelemetryMeter;
}

/**
 * False only when it is certain that no tracer provider is registered: the API's proxy provider has no
 * delegate (`getDelegateTracer` answers undefined until an SDK registers one).
 */
export function mayRecordSpans(api: OpenTelemetryApi): boolean {
  const provider = api.trace.getTracerProvider?.() as
    | { getDelegateTracer?: (name: string) => unknown }
    | undefined;
  return (
    typeof provider?.getDelegateTracer !== 'function' || provider.getDelegateTracer('authhooks') !== undefined
  );
}

/** The spec's numeric values (stable across API versions). */
export const spanKind = { internal: 0, server: 1, producer: 3, consumer: 4 } as const;
export const spanStatusError = 2;

/** Kept in a variable so that bundlers neither resolve it at build time nor fail when it is absent. */
const apiModule = '@opentelemetry/api';

let current: OpenTelemetryApi | undefined;
let state: 'idle' | 'loading' | 'settled' = 'idle';
let loading: Promise<void> | undefined;

/**
 * The API authhooks traces and measures with, once known: the one given to `useOpenTelemetry`, or the
 * `@opentelemetry/api` installed beside `@authhooks/core`; undefined when there is none.
 */
export function openTelemetry(): OpenTelemetryApi | undefined {
  return current;
}

/**
 * Starts looking for `@opentelemetry/api` (once per process). Resolves when the answer is known;
 * undefined when it already is. An app with no OpenTelemetry pays one failed import, once.
 */
export function loadOpenTelemetry(): Promise<void> | undefined {
  if (state === 'settled') return undefined;
  if (state === 'idle') {
    state = 'loading';
    loading = import(/* webpackIgnore: true */ /* @vite-ignore */ apiModule).then(
      (module: unknown) => {
        if (state !== 'loading') return;
        current = isApi(module) ? module : undefined;
        state = 'settled';
      },
      () => {
        if (state === 'loading') state = 'settled';
      },
    );
  }
  return loading;
}

/**
 * Sets the OpenTelemetry API for every receiver, queue and key fetch in this process, instead of
 * finding `@opentelemetry/api` by itself: for a bundled app where a dynamic import cannot reach it
 * (`import * as otel from '@opentelemetry/api'; useOpenTelemetry(otel)`), or `null` to trace nothing.
 */
export function useOpenTelemetry(api: OpenTelemetryApi | null): void {
  if (api !== null && !isApi(api)) {
    throw new TypeError(
      "authhooks: useOpenTelemetry needs the @opentelemetry/api module (import * as otel from '@opentelemetry/api'), or null to turn tracing off.",
    );
  }
  current = api ?? undefined;
  state = 'settled';
}

function isApi(value: unknown): value is OpenTelemetryApi {
  const api = value as Partial<OpenTelemetryApi> | null;
  return (
    typeof api?.trace?.getTracer === 'function' &&
    typeof api.context?.with === 'function' &&
    typeof api.metrics?.getMeterProvider === 'function' &&
    typeof api.propagation?.inject === 'function'
  );
}

/**
 * Telemetry never changes an answer: an SDK, exporter or propagator that throws (or a thrown value
 * whose properties throw when recorded) loses that piece of telemetry, nothing else.
 */
export function guarded(record: () => void): void {
  try {
    record();
  } catch {
    // nowhere safe to report it: the logger is for deliveries
  }
}

let tracerOf: OpenTelemetryApi | undefined;
let tracer: TelemetryTracer | undefined;

/** authhooks' tracer, fetched once per API (the API's proxy tracer follows the provider registered later). */
export function tracerFor(api: OpenTelemetryApi): TelemetryTracer {
  if (tracerOf !== api) {
    tracerOf = api;
    tracer = api.trace.getTracer('authhooks');
  }
  return tracer as TelemetryTracer;
}

/** Runs `fn` with `span` active, so the handlers' own spans nest under it. */
export function runInSpan<T>(api: OpenTelemetryApi, span: TelemetrySpan | undefined, fn: () => T): T {
  if (span === undefined) return fn();
  return api.context.with(api.trace.setSpan(api.context.active(), span), fn);
}

/** `trace_id` and `span_id` for a log line, when there is a span. */
export function spanLogFields(
  span: TelemetrySpan | undefined,
): { trace_id: string; span_id: string } | undefined {
  if (span === undefined) return undefined;
  const { traceId, spanId } = span.spanContext();
  return { trace_id: traceId, span_id: spanId };
}
