import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { getHeapSpaceStatistics } from 'node:v8';
import type { Listening } from '../servers/serve-child.js';

/** What a soak server child is told by the section, through the environment. */
export interface SoakConfig {
  readonly authorization: string;
  /** authhooks candidates: the idempotency store they run with, if any. Controls have none. */
  readonly store?: 'memory' | 'redis';
  /** The section's redis-server, for `store: 'redis'`. */
  readonly redisUrl?: string | undefined;
}

/** One reading a second, from `process.memoryUsage()` and an event-loop delay histogram reset each time. */
export interface SoakSample {
  /** Milliseconds since the child started listening. */
  readonly atMs: number;
  readonly rss: number;
  readonly heapUsed: number;
  /** What V8 reserved for the heap: where RSS goes that heap used does not show. */
  readonly heapTotal: number;
  /** The young generation's reservation, which V8 grows with the allocation rate. */
  readonly newSpace: number;
  readonly external: number;
  readonly arrayBuffers: number;
  readonly eventLoopDelayP99Ms: number;
}

/** The heap right after a full (mark-compact) GC: what is still alive, which a leak makes climb. */
export interface LiveHeap {
  readonly atMs: number;
  readonly heapUsed: number;
}

export type SoakMessage =
  | { type: 'listening'; port: number }
  | { type: 'sample'; sample: SoakSample }
  | { type: 'live-heap'; live: LiveHeap }
  | { type: 'stopped'; handled: number };

/** The handler every soak candidate runs: reads the user id, then 1–3 ms of async work (a DB call). */
export type SoakWork = (userId: unknown) => Promise<void>;

const variable = 'AUTHHOOKS_BENCH_SOAK_CONFIG';
const delayResolutionMs = 10;

export function soakConfigEnv(config: SoakConfig): Record<string, string> {
  return { [variable]: JSON.stringify(config) };
}

/**
 * The child side of a soak candidate: starts the server on 127.0.0.1, streams a memory sample to the
 * parent every second (nothing accumulates here, so the sampling itself cannot grow the heap), and on
 * "stop" reports how many handler calls ran and exits.
 */
export async function soakChild(
  start: (config: SoakConfig, work: SoakWork) => Promise<Listening>,
): Promise<void> {
  const raw = process.env[variable];
  if (raw === undefined) throw new Error(`${variable} is not set: soak servers are started by bench/run.ts`);
  let handled = 0;
  const work: SoakWork = async (userId) => {
    if (typeof userId !== 'string' || userId.length === 0) throw new Error('the event has no user id');
    await sleep(1 + Math.random() * 2);
    handled++;
  };
  const listening = await start(JSON.parse(raw) as SoakConfig, work);
  const started = performance.now();
  const delay = monitorEventLoopDelay({ resolution: delayResolutionMs });
  delay.enable();
  const sampler = setInterval(() => {
    const memory = process.memoryUsage();
    const sample: SoakSample = {
      atMs: performance.now() - started,
      rss: memory.rss,
      heapUsed: memory.heapUsed,
      heapTotal: memory.heapTotal,
      newSpace: getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0,
      external: memory.external,
      arrayBuffers: memory.arrayBuffers,
      // The histogram records the time between its timer's runs: the resolution plus the delay.
      eventLoopDelayP99Ms: Math.max(0, delay.percentile(99) / 1e6 - delayResolutionMs),
    };
    delay.reset();
    send({ type: 'sample', sample });
  }, 1000);
  const fullGcs = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const { detail } = entry as PerformanceEntry & { detail?: { kind?: number } };
      if (detail?.kind !== constants.NODE_PERFORMANCE_GC_MAJOR) continue;
      const live: LiveHeap = { atMs: performance.now() - started, heapUsed: process.memoryUsage().heapUsed };
      send({ type: 'live-heap', live });
    }
  });
  fullGcs.observe({ entryTypes: ['gc'] });
  process.on('message', async (message) => {
    if (message !== 'stop') return;
    clearInterval(sampler);
    fullGcs.disconnect();
    await sleep(250); // an onCommit that runs after its *.complete was answered
    await listening.close();
    process.send?.({ type: 'stopped', handled } satisfies SoakMessage, () => process.exit(0));
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'listening', port: listening.port });
}

function send(message: SoakMessage): void {
  process.send?.(message);
}
