import { readFileSync } from 'node:fs';
import type { InProcessCandidate } from '../inprocess/hand-written.js';
import { wrongAuthorizationKey } from '../lib/constants.js';
import { median } from '../lib/stats.js';
import { sendResult } from '../lib/to-parent.js';
import { handledCount } from '../lib/touch.js';
import { bulkCreateBody } from './bulk-body.js';
import { bulkHeaders, scalingCandidates } from './candidates.js';

export type ScalingCandidate = 'authhooks' | 'hand-written';

export interface MemoryResult {
  readonly bodyBytes: number;
  /** Peak RSS during the call minus RSS before it (after GC): an upper bound of the extra memory. */
  readonly peakExtraBytes: number;
  /** The peak did not rise above an earlier one (warm-up, start-up): the real figure is lower. */
  readonly bounded: boolean;
  readonly failures: readonly string[];
}

export interface TimeResult {
  /** Mean ms per call, median over the rounds. */
  readonly msPerCall: Readonly<Record<ScalingCandidate, number>>;
  readonly failures: readonly string[];
}

// Run by scaling/section.ts: `child.ts memory <body file> <candidate>` (with --expose-gc), or
// `child.ts time <body file> <quick|full>`.
const [mode, bodyFile = '', option = ''] = process.argv.slice(2);
const body = readFileSync(bodyFile);
const users = (JSON.parse(body.toString('utf8')) as { event: { users: unknown[] } }).event.users.length;
const candidates = scalingCandidates();

if (mode === 'memory') await sendResult(await measureMemory(option as ScalingCandidate));
else await sendResult(await measureTime(option === 'quick'));

async function measureMemory(name: ScalingCandidate): Promise<MemoryResult> {
  const candidate = candidates[name];
  const small = bulkCreateBody(10);
  for (let i = 0; i < 50; i++) await candidate(bulkHeaders, small);
  const gc = globalThis.gc;
  if (gc === undefined) throw new Error('the memory child needs --expose-gc');
  gc();
  gc();
  const rssBefore = process.memoryUsage.rss();
  const peakBefore = process.resourceUsage().maxRSS * 1024;
  const failures = await check(name, candidate);
  const peakAfter = process.resourceUsage().maxRSS * 1024;
  return {
    bodyBytes: body.byteLength,
    peakExtraBytes: peakAfter - rssBefore,
    bounded: peakAfter <= peakBefore,
    failures,
  };
}

async function measureTime(quick: boolean): Promise<TimeResult> {
  const failures = [
    ...(await check('authhooks', candidates.authhooks)),
    ...(await check('hand-written', candidates['hand-written'])),
  ];
  const wrong = await candidates.authhooks({ ...bulkHeaders, authorization: wrongAuthorizationKey }, body);
  if (wrong !== 401)
    failures.push(`scaling ${users} users authhooks: a wrong key got ${wrong}, expected 401`);
  const budgetMs = quick ? 100 : 1500;
  const names: ScalingCandidate[] = ['authhooks', 'hand-written'];
  for (const name of names) await msPerCall(candidates[name], budgetMs / 2);
  const samples: Record<ScalingCandidate, number[]> = { authhooks: [], 'hand-written': [] };
  const rounds = quick ? 1 : 3;
  for (let round = 0; round < rounds; round++) {
    for (const name of round % 2 === 0 ? names : [...names].reverse()) {
      samples[name].push(await msPerCall(candidates[name], budgetMs));
    }
  }
  return {
    msPerCall: { authhooks: median(samples.authhooks), 'hand-written': median(samples['hand-written']) },
    failures,
  };
}

async function msPerCall(candidate: InProcessCandidate, budgetMs: number): Promise<number> {
  let calls = 0;
  const start = performance.now();
  let now = start;
  do {
    await candidate(bulkHeaders, body);
    calls++;
    now = performance.now();
  } while (now - start < budgetMs);
  return (now - start) / calls;
}

/** The delivery must be answered 200 with the handler run once per user. */
async function check(name: ScalingCandidate, candidate: InProcessCandidate): Promise<string[]> {
  const before = handledCount();
  const status = await candidate(bulkHeaders, body);
  const handled = handledCount() - before;
  const problems: string[] = [];
  if (status !== 200) problems.push(`scaling ${users} users ${name}: answered ${status}, expected 200`);
  if (handled !== users) problems.push(`scaling ${users} users ${name}: the handler saw ${handled} users`);
  return problems;
}
