import * as otel from '@opentelemetry/api';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createReceiver,
  loadOpenTelemetry,
  openTelemetry,
  type Provider,
  silentLogger,
  telemetryMetrics,
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

describe('with the API but no SDK', () => {
  afterEach(() => useOpenTelemetry(otel));

  it('keeps nothing per delivery: no instruments while only the no-op meter provider is registered', async () => {
    useOpenTelemetry(otel);
    expect(telemetryMetrics()).toBeUndefined();
    const receiver = createReceiver({ provider, logger: silentLogger });
    receiver.on('test.event' as never, () => {});
    const answer = await receiver.receive({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(answer.status).toBe(200);
  });
});
