import http from 'node:http';
import { silentLogger } from '@authhooks/core';
import { nodeHandler } from '@authhooks/core/node';
import { fusionReceiver } from '@authhooks/fusionauth';
import { context, metrics, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { listenNode } from '../../servers/serve-child.js';
import { soakChild } from '../child.js';
import { soakStore, withStore } from '../store.js';

/** node:http with the OpenTelemetry SDK as production sets it up: batched spans, metrics exported every 5 s (both discarded here). */
const discard = {
  export: (_items: unknown, done: (result: { code: number }) => void) => done({ code: 0 }),
  forceFlush: async () => {},
  shutdown: async () => {},
};
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new BatchSpanProcessor(discard)] }));
metrics.setGlobalMeterProvider(
  new MeterProvider({
    readers: [new PeriodicExportingMetricReader({ exporter: discard as never, exportIntervalMillis: 5_000 })],
  }),
);

await soakChild(async (config, work) => {
  const { options, close } = soakStore(config);
  const receiver = fusionReceiver({ authorization: config.authorization, ...options, logger: silentLogger });
  const handler = nodeHandler(receiver).on('user.update', (event) => work(event.user.id));
  return withStore(await listenNode(http.createServer(handler)), close);
});
