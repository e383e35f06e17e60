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
  readonly time: TimeResult;
  readonly memory: Readonly<Record<ScalingCandidate, MemoryResult>>;
}

/** Section 4: user.bulk.create from 10 to 10 000 users: time per user and peak extra memory ÷ body size. */
export async function scalingSection({ quick }: SectionContext): Promise<SectionReport> {
  const dir = mkdtempSync(join(tmpdir(), 'authhooks-bench-'));
  const results: SizeResult[] = [];
  try {
    for (const users of [10, 100, 1000, 10_000]) {
      const file = join(dir, `bulk-${users}.json`);
      writeFileSync(file, bulkCreateBody(users));
      // Memory first, each candidate in a fresh process, so an earlier peak cannot hide this one.
      const memory = {
        authhooks: await memoryOf(file, 'authhooks'),
        'hand-written': await memoryOf(file, 'hand-written'),
      };
      const time = await runToResult<TimeResult>(child, ['time', file, quick ? 'quick' : 'full']);
      results.push({ users, time, memory });
      process.stderr.write(`  ${users} users: ${fixed(time.msPerCall.authhooks, 2)} ms per delivery\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { tables: [table(results)], failures: results.flatMap(failuresOf) };
}

function memoryOf(file: string, candidate: ScalingCandidate): Promise<MemoryResult> {
  return runToResult<MemoryResult>(child, ['memory', file, candidate], { nodeFlags: ['--expose-gc'] });
}

function failuresOf(result: SizeResult): string[] {
  return [
    ...result.time.failures,
    ...result.memory.authhooks.failures,
    ...result.memory['hand-written'].failures,
  ];
}

function table(results: readonly SizeResult[]) {
  const perUser = (r: SizeResult, name: ScalingCandidate) => (r.time.msPerCall[name] * 1000) / r.users;
  const reference = results.find((r) => r.users === 100);
  const flatness = (r: SizeResult) =>
    reference === undefined ? Number.NaN : perUser(r, 'authhooks') / perUser(reference, 'authhooks') - 1;
  const memory = (m: MemoryResult) => (m.bounded ? '—' : bytes(m.peakExtraBytes));
  const times = (m: MemoryResult) => (m.bounded ? '—' : `${fixed(m.peakExtraBytes / m.bodyBytes, 1)}×`);
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
      bytes(r.memory.authhooks.bodyBytes),
      fixed(perUser(r, 'authhooks'), 2),
      `${flatness(r) >= 0 ? '+' : ''}${percent(flatness(r))}`,
      fixed(perUser(r, 'hand-written'), 2),
      ratio(perUser(r, 'hand-written') / perUser(r, 'authhooks')),
      memory(r.memory.authhooks),
      times(r.memory.authhooks),
      memory(r.memory['hand-written']),
      times(r.memory['hand-written']),
    ]),
    notes: [
      `Time per user, target flat within 20 % from 100 to 10 000 users: worst ${percent(worst)} → ${worst <= 0.2 ? 'met' : 'NOT met'}.`,
      `Peak extra memory ÷ body size, target ≤ 3×: at ${biggest?.users.toLocaleString('en-US')} users ` +
        `${biggest === undefined ? 'n/a' : times(biggest.memory.authhooks)} → ` +
        `${biggest !== undefined && biggest.memory.authhooks.peakExtraBytes <= 3 * biggest.memory.authhooks.bodyBytes ? 'met' : 'NOT met'}.`,
      'Peak extra: the process peak RSS during one delivery minus the RSS just before it (after GC), each ' +
        'candidate in a fresh process (an upper bound: it includes heap V8 grows before collecting); "—" where ' +
        'the delivery did not raise the peak above the warm-up peak (too small to see this way).',
      'ratio: hand-written µs ÷ authhooks µs (JSON.parse + === + the handler per user).',
    ],
  };
}
