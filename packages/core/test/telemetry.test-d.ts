import * as otel from '@opentelemetry/api';
import { expectTypeOf, test } from 'vitest';
import { type OpenTelemetryApi, useOpenTelemetry } from '../src/index.js';
import type { ReceiverOptions } from '../src/options.js';

test('the real @opentelemetry/api module is an OpenTelemetryApi, so useOpenTelemetry takes it as is', () => {
  expectTypeOf(otel).toExtend<OpenTelemetryApi>();
  expectTypeOf(useOpenTelemetry).toBeCallableWith(otel);
  expectTypeOf(useOpenTelemetry).toBeCallableWith(null);
  // @ts-expect-error: something that is not the API
  useOpenTelemetry({ trace: {} });
});

test('telemetry is an on/off switch on the receiver', () => {
  expectTypeOf<ReceiverOptions['telemetry']>().toEqualTypeOf<boolean | undefined>();
});
