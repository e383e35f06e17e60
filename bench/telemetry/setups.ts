import { useOpenTelemetry } from '@authhooks/core';
import * as otel from '@opentelemetry/api';
import { context, metrics, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { AggregationTemporality, MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';

/** How OpenTelemetry is set up in the measuring process. */
export const telemetrySetups = ['off', 'absent', 'api-only', 'sdk'] as const;
export type TelemetrySetup = (typeof telemetrySetups)[number];

export const setupLabels: Readonly<Record<TelemetrySetup, string>> = {
  off: 'telemetry: false (baseline)',
  absent: '@opentelemetry/api absent',
  'api-only': 'API present, no SDK registered',
  sdk: 'SDK: spans to an in-memory exporter, metrics to a reader',
};

class Reader extends MetricReader {
  constructor() {
    super({ aggregationTemporalitySelector: () => AggregationTemporality.CUMULATIVE });
  }
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

/** Sets the process up; returns what the measuring loop calls now and then (the exporter keeps every span). */
export function applySetup(setup: TelemetrySetup): { spans: () => number; trim: () => void } {
  const none = { spans: () => 0, trim: () => {} };
  if (setup === 'absent') {
    useOpenTelemetry(null); // the same path as an app without the package
    return none;
  }
  useOpenTelemetry(otel);
  if (setup !== 'sdk') return none;
  const exporter = new InMemorySpanExporter();
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(
    new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }),
  );
  metrics.setGlobalMeterProvider(new MeterProvider({ readers: [new Reader()] }));
  return { spans: () => exporter.getFinishedSpans().length, trim: () => exporter.reset() };
}
