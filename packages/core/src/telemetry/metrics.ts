import {
  openTelemetry,
  type TelemetryAttributes,
  type TelemetryCounter,
  type TelemetryHistogram,
  type TelemetryMeter,
} from './api.js';

/** Seconds; dense around FusionAuth's read timeout (commonly 2 s), where a slow handler turns into a rollback. */
export const durationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 2.5, 5, 10];

/** Every metric authhooks records (documented in the README's table: keep both in step). */
export interface Metrics {
  readonly deliveries: TelemetryCounter;
  readonly duration: TelemetryHistogram;
  readonly jwksFetches: TelemetryCounter;
  readonly storeErrors: TelemetryCounter;
  readonly queueJobs: TelemetryCounter;
  readonly commitOperations: TelemetryCounter;
}

/**
 * Levels kept in this process, per provider, and read by the meter when it collects: a delivery pays
 * a Map update instead of two recordings (the SDK hashes the attributes of each).
 */
export class Level {
  readonly #byProvider = new Map<string, number>();

  change(provider: string, by: 1 | -1): void {
    this.#byProvider.set(provider, (this.#byProvider.get(provider) ?? 0) + by);
  }

  observe(result: { observe(value: number, attributes?: TelemetryAttributes): void }): void {
    for (const [provider, value] of this.#byProvider)
      result.observe(value, { 'authhooks.provider': provider });
  }
}

/** Deliveries received and not answered yet. */
export const inFlight = new Level();
/** Copies of an event waiting for another attempt of the same event to finish. */
export const waitingCopies = new Level();

function create(meter: TelemetryMeter): Metrics {
  meter
    .createObservableUpDownCounter('authhooks.deliveries.active', {
      description: 'Deliveries received and not answered yet.',
      unit: '{delivery}',
    })
    .addCallback((result) => inFlight.observe(result));
  meter
    .createObservableUpDownCounter('authhooks.deliveries.waiting', {
      description: 'Copies of an event waiting for another attempt of the same event to finish.',
      unit: '{delivery}',
    })
    .addCallback((result) => waitingCopies.observe(result));
  return {
    deliveries: meter.createCounter('authhooks.deliveries', {
      description: 'Deliveries answered, by provider, event type and outcome.',
      unit: '{delivery}',
    }),
    duration: meter.createHistogram('authhooks.delivery.duration', {
      description: 'Time from the request to its answer.',
      unit: 's',
      advice: { explicitBucketBoundaries: durationBuckets },
    }),
    jwksFetches: meter.createCounter('authhooks.jwks.fetches', {
      description: 'Downloads of a JSON Web Key Set, by result.',
      unit: '{fetch}',
    }),
    storeErrors: meter.createCounter('authhooks.store.errors', {
      description: 'Idempotency store calls that failed or did not answer in time, by operation.',
      unit: '{error}',
    }),
    queueJobs: meter.createCounter('authhooks.queue.jobs', {
      description: 'Queue jobs by what happened to them: enqueued, completed, retried, dead_lettered.',
      unit: '{job}',
    }),
    commitOperations: meter.createCounter('authhooks.commit.operations', {
      description: 'Commit-aware operations by state: pending (recorded), committed, rolled_back.',
      unit: '{operation}',
    }),
  };
}

let forProvider: unknown;
let cached: Metrics | undefined;

/**
 * The instruments of the meter provider registered now; undefined without OpenTelemetry, or while no
 * meter provider is registered (the API's no-op one). Looked up on each use, so a provider registered
 * after the receiver was built still receives everything.
 */
export function metrics(): Metrics | undefined {
  const api = openTelemetry();
  if (api === undefined) return undefined;
  const provider = api.metrics.getMeterProvider();
  if (provider !== forProvider) {
    forProvider = provider;
    const meter = provider.getMeter('authhooks');
    cached = isNoopMeter(meter, api.createNoopMeter) ? undefined : create(meter);
  }
  return cached;
}

/** The API's no-op meter is one shared object (`createNoopMeter()` returns it): exact, whatever the version. */
function isNoopMeter(meter: TelemetryMeter, createNoopMeter: (() => TelemetryMeter) | undefined): boolean {
  return createNoopMeter !== undefined && meter === createNoopMeter();
}
