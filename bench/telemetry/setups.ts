import { useOpenTelemetry } from '@authhooks/core';
import * as otel from '@opentelemetry/api';
import { startOtelSdk } from '../../test/support/otel-sdk.js';

/** How OpenTelemetry is set up in the measuring process. */
export const telemetrySetups = ['off', 'absent', 'api-only', 'sdk'] as const;
export type TelemetrySetup = (typeof telemetrySetups)[number];

export const setupLabels: Readonly<Record<TelemetrySetup, string>> = {
  off: 'telemetry: false (baseline)',
  absent: '@opentelemetry/api absent',
  'api-only': 'API present, no SDK registered',
  sdk: 'SDK: spans to an in-memory exporter, metrics to a reader',
};

/** Sets the process up; returns what the measuring loop calls now and then (the exporter keeps every span). */
export function applySetup(setup: TelemetrySetup): { spans: () => number; trim: () => void } {
  const none = { spans: () => 0, trim: () => {} };
  if (setup === 'absent') {
    useOpenTelemetry(null); // the same path as an app without the package
    return none;
  }
  useOpenTelemetry(otel);
  if (setup !== 'sdk') return none;
  // The same SDK setup as the tests' (test/support/otel-sdk.ts).
  const sdk = startOtelSdk();
  return { spans: () => sdk.spans().length, trim: () => sdk.reset() };
}
