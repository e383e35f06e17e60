import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runToResult } from '../lib/children.js';
import { bytes, fixed, percent, ratio } from '../lib/format.js';
import type { SectionReport } from '../lib/report.js';
import type { SectionContext } from '../lib/section.js';
import { bulkCreateBody } from './bulk-body.js';
import type { MemoryResult, ScalingCandidate, TimeResult } from './child.js';

const child = new URL('./child.ts', import.meta.url);

interface SizeResult {
  readonly users: number;
  readonly bodyBytes: number;
  readonly time: TimeResult;
  /** Left out for the small sizes of a quick run. */
  readonly memory: Readonly<Record<ScalingCandidate, MemoryResult>> | undefined;
}

/**
 * Section 4: user.bulk.create from 10 to 10 000 users: time per user and peak extra memory ÷ body size.
 * Quick: 100 and 10 000 users, memory at 10 000 only.
 */
export async function scalingSection({ quick }: SectionContext): Promise<SectionReport> {
  const dir = mkdtempSync(join(tmpdir(), 'authhooks-bench-'));
  const results: SizeResult[] = [];
  try {
    for (const users of quick ? [100, 10_000] : [10, 100, 1000, 10_000]) {
      const file = join(dir, `bulk-${users}.json`);
      const body = bulkCreateBody(users);
      writeFileSync(file, body);
      // Memory first, each candidate in a fresh process, so an earlier peak cannot hide this one.
      const memory =
        quick && users < 10_000
          ? undefined
          : {
              authhooks: await memoryOf(file, 'authhooks'),
              'hand-written': await memoryOf(file, 'hand-written'),
            };
      const time = await runToResult<TimeResult>(child, ['time', file, quick ? 'quick' : 'full']);
      results.push({ users, bodyBytes: body.byteLength, time, memory });
      process.stderr.write(`  ${users} users: ${fixed(time.msPerCall.authhooks, 2)} ms per delivery\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { tables: [table(results, quick)], failures: results.flatMap(failuresOf) };
}

function memoryOf(file: string, candidate: ScalingCandidate): Promise<MemoryResult> {
  return runToResult<MemoryResult>(child, ['memory', file, candidate], { nodeFlags: ['--expose-gc'] });
}

function failuresOf(result: SizeResult): string[] {
  return [
    ...result.time.failures,
    ...(result.memory?.authhooks.failures ?? []),
    ...(result.memory?.['hand-written'].failures ?? []),
  ];
}

function table(results: readonly SizeResult[], quick: boolean) {
  const perUser = (r: SizeResult, name: ScalingCandidate) => (r.time.msPerCall[name] * 1000) / r.users;
  const reference = results.find((r) => r.users === 100);
  const flatness = (r: SizeResult) =>
    reference === undefined ? Number.NaN : perUser(r, 'authhooks') / perUser(reference, 'authhooks') - 1;
  const memory = (m: MemoryResult | undefined) =>
    m === undefined ? 'not measured' : m.bounded ? '—' : bytes(m.peakExtraBytes);
  const times = (m: MemoryResult | undefined) =>
    m === undefined ? 'not measured' : m.bounded ? '—' : `${fixed(m.peakExtraBytes / m.bodyBytes, 1)}×`;
  const largeOnes = results.filter((r) => r.users >= 100);
  const worst = Math.max(...largeOnes.map((r) => Math.abs(flatness(r))));
  const biggest = results.at(-1);
  return {
    title: 'Scaling: user.bulk.create, in-process receive() (maxBodyBytes raised to 256 MiB)',
    columns: [
      'users',
      'body',
      'authhooks µs/user',
      'vs 100 users',
      'hand-written µs/user',
      'ratio',
      'authhooks peak extra',
      'authhooks ÷ body',
      'hand-written peak extra',
      'hand-written ÷ body',
    ],
    rows: results.map((r) => [
      r.users.toLocaleString('en-US'),
      bytes(r.bodyBytes),
      fixed(perUser(r, 'authhooks'), 2),
      `${flatness(r) >= 0 ? '+' : ''}${percent(flatness(r))}`,
      fixed(perUser(r, 'hand-written'), 2),
      ratio(perUser(r, 'hand-written') / perUser(r, 'authhooks')),
      memory(r.memory?.authhooks),
      times(r.memory?.authhooks),
      memory(r.memory?.['hand-written']),
      times(r.memory?.['hand-written']),
    ]),
    notes: [
      ...(quick
        ? ['Smoke run: too short to mean anything; the targets below are judged on a full run.']
        : []),
      `Time per user, target flat within 20 % from 100 to 10 000 users: worst ${percent(worst)} → ${worst <= 0.2 ? 'met' : 'NOT met'}.`,
      `Peak extra memory ÷ body size, target ≤ 3×: at ${biggest?.users.toLocaleString('en-US')} users ` +
        `${times(biggest?.memory?.authhooks)} → ${memoryTargetMet(biggest?.memory?.authhooks) ? 'met' : 'NOT met'}.`,
      'Peak extra: the process peak RSS during one delivery minus the RSS just before it (after GC), each ' +
        'candidate in a fresh process (an upper bound: it includes heap V8 grows before collecting); "—" where ' +
        'the delivery did not raise the peak above the warm-up peak (too small to see this way).',
      'ratio: hand-written µs ÷ authhooks µs (JSON.parse + === + the handler per user).',
    ],
  };
}

function memoryTargetMet(memory: MemoryResult | undefined): boolean {
  return memory !== undefined && memory.peakExtraBytes <= 3 * memory.bodyBytes;
}
