import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Listening } from '../servers/serve-child.js';

/** What a soak server child is told by the section, through the environment. */
export interface SoakConfig {
  readonly authorization: string;
  /** authhooks candidates: the idempotency store they run with. Controls have none. */
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
  readonly external: number;
  readonly arrayBuffers: number;
  readonly eventLoopDelayP99Ms: number;
}

export type SoakMessage =
  | { type: 'listening'; port: number }
  | { type: 'sample'; sample: SoakSample }
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
      external: memory.external,
      arrayBuffers: memory.arrayBuffers,
      // The histogram records the time between its timer's runs: the resolution plus the delay.
      eventLoopDelayP99Ms: Math.max(0, delay.percentile(99) / 1e6 - delayResolutionMs),
    };
    delay.reset();
    send({ type: 'sample', sample });
  }, 1000);
  process.on('message', async (message) => {
    if (message !== 'stop') return;
    clearInterval(sampler);
    await listening.close();
    process.send?.({ type: 'stopped', handled } satisfies SoakMessage, () => process.exit(0));
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'listening', port: listening.port });
}

function send(message: SoakMessage): void {
  process.send?.(message);
}
