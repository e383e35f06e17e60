import * as otel from '@opentelemetry/api';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createReceiver,
  loadOpenTelemetry,
  openTelemetry,
  type Provider,
  silentLogger,
  traceCarrier,
  useOpenTelemetry,
} from '../src/index.js';

const provider: Provider = {
  name: 'test',
  schemas: {},
  verifiers: [],
  allowUnauthenticated: true,
  locate: (json: unknown) => ({ event: json as Record<string, unknown>, type: 'test.event' }),
  eventId: () => 'id-1',
} as unknown as Provider;

describe('finding the OpenTelemetry API', () => {
  afterEach(() => useOpenTelemetry(otel));

  it('finds @opentelemetry/api by itself when it is installed', async () => {
    await loadOpenTelemetry();
    expect(openTelemetry()?.trace).toBe(otel.trace);
  });

  it('useOpenTelemetry(null) turns it off everywhere; a module that is not the API is refused with the fix', () => {
    useOpenTelemetry(null);
    expect(openTelemetry()).toBeUndefined();
    expect(traceCarrier()).toBeUndefined();
    expect(() => useOpenTelemetry({ trace: {} } as never)).toThrow(
      /useOpenTelemetry needs the @opentelemetry\/api module \(import \* as otel from '@opentelemetry\/api'\)/,
    );
  });

  it('refuses a telemetry option that is not a boolean, and says how to hand over the API', () => {
    expect(() => createReceiver({ provider, logger: silentLogger, telemetry: otel as never })).toThrow(
      /telemetry must be true or false.*useOpenTelemetry\(api\)/,
    );
  });
});
