import { Redis } from 'ioredis';
import { redisServerBinary, startRedisServer } from '../../test/support/redis-process.js';
import { exited, forkTypeScript, nextMessage } from '../lib/children.js';
import { authorizationKey } from '../lib/constants.js';
import { fixed, integer, mib } from '../lib/format.js';
import type { SectionReport, Table } from '../lib/report.js';
import type { SectionContext } from '../lib/section.js';
import { linearFit, median } from '../lib/stats.js';
import { frameworkLabels, type SoakCandidate, soakCandidates } from './candidates.js';
import { type LiveHeap, type SoakMessage, type SoakSample, soakConfigEnv } from './child.js';
import { footprintTable } from './footprint.js';
import { soakLoad } from './load.js';

/** What the short CI setting runs: every candidate briefly, checks the reconciliation; measures nothing. */
const quickSettings = { seconds: 6, warmupSeconds: 2, rate: 300 };

interface Measured {
  readonly candidate: SoakCandidate;
  readonly seconds: number;
  readonly ok: number;
  readonly failed: number;
  readonly handled: number;
  /** Samples after the warm-up, with minutes since the load started. */
  readonly samples: readonly { minutes: number; sample: SoakSample }[];
  /** The heap after each full GC after the warm-up. */
  readonly liveHeap: readonly { minutes: number; live: LiveHeap }[];
}

/**
 * Section 9 (issue 26): memory under sustained load. Each candidate (every adapter without a store,
 * with memoryStore and with redisStore; the bare framework with a hand-written route as the control;
 * and a commit-aware receiver fed user.create and its *.complete) runs in its own child under the same
 * fixed request rate, 20 connections, a new event id per request and a handler doing 1–3 ms of async
 * work. The child samples its memory every second; after the warm-up each measure's
 * level (median) and slope (least squares, MiB per minute) are reported, with the reconciliation
 * (every 2xx answer is one handler call).
 */
export async function soakSection({ quick, soak }: SectionContext): Promise<SectionReport> {
  const seconds = quick ? quickSettings.seconds : Math.round(soak.minutes * 60);
  const warmupSeconds = quick ? quickSettings.warmupSeconds : Math.min(60, Math.round(seconds / 3));
  const rate = quick ? quickSettings.rate : soak.rate;
  let candidates = soakCandidates(soak.filter);
  const failures: string[] = [];
  const skipped: string[] = [];
  const redisServer =
    redisServerBinary !== undefined && candidates.some((candidate) => candidate.store === 'redis')
      ? await startRedisServer()
      : undefined;
  if (redisServer === undefined && candidates.some((candidate) => candidate.store === 'redis')) {
    skipped.push('the redisStore candidates: no redis-server (apt-get install -y redis-server)');
    candidates = candidates.filter((candidate) => candidate.store !== 'redis');
  }
  const measured: Measured[] = [];
  try {
    for (const candidate of candidates) {
      console.error(`   soak: ${candidate.id} for ${seconds} s at ${rate} deliveries/s`);
      if (redisServer !== undefined) await flush(redisServer.url);
      const result = await runCandidate(candidate, {
        seconds,
        warmupSeconds,
        rate,
        redisUrl: redisServer?.url,
      });
      measured.push(result);
      if (result.failed > 0) failures.push(`soak: ${candidate.id}: ${result.failed} answers were not 2xx`);
      if (result.handled !== result.ok) {
        failures.push(`soak: ${candidate.id}: ${result.ok} 2xx answers but ${result.handled} handler calls`);
      }
    }
  } finally {
    await redisServer?.stop();
  }
  const setting = `${seconds} s per candidate, the first ${warmupSeconds} s left out, ${rate} deliveries/s, 20 connections`;
  const skippedNote = skipped.length > 0 ? [`Skipped: ${skipped.join('; ')}.`] : [];
  const tables = [
    levelsTable(measured, setting, skippedNote),
    controlTable(measured),
    await footprintTable(),
  ];
  return { tables, failures };
}

async function runCandidate(
  candidate: SoakCandidate,
  settings: { seconds: number; warmupSeconds: number; rate: number; redisUrl: string | undefined },
): Promise<Measured> {
  const child = forkTypeScript(candidate.server, [], {
    env: soakConfigEnv({
      authorization: authorizationKey,
      ...(candidate.store === undefined ? {} : { store: candidate.store, redisUrl: settings.redisUrl }),
    }),
  });
  try {
    const { port } = await nextMessage<Extract<SoakMessage, { type: 'listening' }>>(child, 'listening');
    let loadStarted = Number.POSITIVE_INFINITY;
    const samples: { minutes: number; sample: SoakSample }[] = [];
    const liveHeap: { minutes: number; live: LiveHeap }[] = [];
    const onMessage = (message: SoakMessage) => {
      const seconds = (performance.now() - loadStarted) / 1000;
      if (seconds < settings.warmupSeconds) return;
      if (message.type === 'sample') samples.push({ minutes: seconds / 60, sample: message.sample });
      if (message.type === 'live-heap') liveHeap.push({ minutes: seconds / 60, live: message.live });
    };
    child.on('message', onMessage);
    loadStarted = performance.now();
    const load = await soakLoad(port, settings.seconds, settings.rate, candidate.load);
    child.off('message', onMessage); // samples after the load are not of it
    const stopped = nextMessage<Extract<SoakMessage, { type: 'stopped' }>>(child, 'stopped');
    child.send('stop');
    const { handled } = await stopped;
    return { candidate, seconds: load.seconds, ok: load.ok, failed: load.failed, handled, samples, liveHeap };
  } finally {
    if (child.exitCode === null) child.kill();
    await exited(child);
  }
}

async function flush(url: string): Promise<void> {
  const client = new Redis(url);
  try {
    await client.flushall();
  } finally {
    client.disconnect();
  }
}

type Measure = 'rss' | 'heapUsed' | 'heapTotal' | 'newSpace' | 'external' | 'arrayBuffers';

function level(result: Measured, measure: Measure): number {
  return median(result.samples.map(({ sample }) => sample[measure])) / mib;
}

function slope(result: Measured, measure: Measure) {
  return linearFit(result.samples.map(({ minutes, sample }) => [minutes, sample[measure] / mib]));
}

function label(candidate: SoakCandidate): string {
  const framework = frameworkLabels[candidate.framework];
  if (candidate.kind === 'control') return `${framework}: control (hand-written route)`;
  const store = candidate.store === undefined ? 'no store' : `${candidate.store}Store`;
  if (candidate.load === 'commit')
    return `${framework}: authhooks, ${store}, onCommit (user.create, then its .complete)`;
  return `${framework}: authhooks, ${store}${candidate.telemetry ? ', OpenTelemetry SDK' : ''}`;
}

function liveHeapCell({ liveHeap }: Measured): string {
  if (liveHeap.length === 0) return 'no full GC';
  const fit = linearFit(liveHeap.map(({ minutes, live }) => [minutes, live.heapUsed / mib]));
  const last = (liveHeap.at(-1)?.live.heapUsed ?? Number.NaN) / mib;
  const trend = liveHeap.length < 3 ? 'n/a' : signed(fit.slope);
  return `${fixed(last, 1)}, ${trend} (${liveHeap.length})`;
}

function levelsTable(measured: readonly Measured[], setting: string, extraNotes: readonly string[]): Table {
  const measures: [Measure, string][] = [
    ['rss', 'RSS'],
    ['heapUsed', 'heap used'],
    ['external', 'external'],
    ['arrayBuffers', 'array buffers'],
  ];
  return {
    title: `Memory under sustained load (${setting})`,
    columns: [
      'candidate',
      'deliveries/s',
      '2xx = handler calls',
      ...measures.flatMap(([, name]) => [`${name} MiB`, `${name} MiB/min`]),
      'heap total MiB',
      'new space MiB',
      'live heap after full GCs: MiB, MiB/min (GCs)',
      'event-loop delay p99, ms (median / max of 1 s windows)',
    ],
    rows: measured.map((result) => {
      const delays = result.samples.map(({ sample }) => sample.eventLoopDelayP99Ms);
      return [
        label(result.candidate),
        integer(result.ok / result.seconds),
        result.handled === result.ok && result.failed === 0
          ? `yes (${integer(result.ok)})`
          : `NO (${integer(result.ok)} 2xx, ${integer(result.handled)} calls, ${integer(result.failed)} other)`,
        ...measures.flatMap(([measure]) => {
          const fit = slope(result, measure);
          return [fixed(level(result, measure), 1), `${signed(fit.slope)} ± ${fixed(fit.slopeError, 2)}`];
        }),
        fixed(level(result, 'heapTotal'), 1),
        fixed(level(result, 'newSpace'), 1),
        liveHeapCell(result),
        `${fixed(median(delays), 1)} / ${fixed(Math.max(...delays), 1)}`,
      ];
    }),
    notes: [
      'The live heap is heap used right after each full (mark-compact) GC: the last value, and its slope over the run. A leak makes it climb; memory that a later GC frees does not.',
      'Levels are the median of the 1 s samples after the warm-up; slopes are fitted by least squares over the same samples (± the standard error of the fit, which the GC sawtooth makes optimistic).',
      'external includes array buffers (Node counts Buffers in both). Heap total is what V8 reserved for the heap and new space its young generation, which V8 grows with the allocation rate: together they show where RSS goes that heap used does not.',
      ...extraNotes,
    ],
  };
}

function controlTable(measured: readonly Measured[]): Table {
  const rows = measured.flatMap((result) => {
    if (result.candidate.kind !== 'authhooks' || result.candidate.load !== 'events') return [];
    const control = measured.find(
      (other) =>
        other.candidate.framework === result.candidate.framework && other.candidate.kind === 'control',
    );
    if (control === undefined) return [];
    const above = level(result, 'rss') - level(control, 'rss');
    const ours = slope(result, 'rss');
    const theirs = slope(control, 'rss');
    const difference = ours.slope - theirs.slope;
    const noise = Math.max(2 * Math.hypot(ours.slopeError, theirs.slopeError), slopeFloor);
    return [
      [
        label(result.candidate),
        signed(above),
        above <= rssTarget ? 'yes' : 'NO',
        signed(difference),
        difference <= noise ? 'yes' : 'NO',
      ],
    ];
  });
  return {
    title: 'authhooks beside its bare-framework control (RSS)',
    columns: [
      'candidate',
      'RSS above control, MiB',
      `within ${rssTarget} MiB`,
      'slope minus control, MiB/min',
      'slope not steeper',
    ],
    rows,
    notes: [
      `Target (issue 26): RSS after warm-up within ${rssTarget} MiB of the control, and a slope no steeper than the control's: the difference at most twice the combined standard error, or ${slopeFloor} MiB/min. (Below the control's counts as not steeper: on @hono/node-server the control itself climbs.)`,
    ],
  };
}

const rssTarget = 30;
const slopeFloor = 0.5;

function signed(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return `${value >= 0 ? '+' : ''}${value.toFixed(2)}`;
}
