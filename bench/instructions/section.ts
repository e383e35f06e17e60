import { integer, ratio } from '../lib/format.js';
import type { SectionReport } from '../lib/report.js';
import type { SectionContext } from '../lib/section.js';
import { bundleChild, callgrindAvailable, countInstructions } from './callgrind.js';
import { instructionCandidates } from './candidates.js';

/**
 * Section 11 (issue 21): instructions per delivery, counted by callgrind, which gives the same total run
 * after run on a noisy machine. Each in-process path runs `warm-up + count` and `warm-up + 2 × count`
 * deliveries in two processes; the difference divided by `count` is what one delivery costs once
 * warm, without start-up, module loading or warm-up.
 */
export async function instructionsSection({ quick }: SectionContext): Promise<SectionReport> {
  const title = 'Instructions per delivery (callgrind), in-process';
  if (!callgrindAvailable()) {
    const why = 'skipped: needs valgrind (apt-get install -y valgrind)';
    console.error(`   instructions section ${why}`);
    return {
      tables: [{ title, columns: ['section', 'status'], rows: [['instructions', why]] }],
      failures: [],
    };
  }
  const warmUp = quick ? 20 : 3_000;
  const count = quick ? 20 : 2_000;
  const candidates = instructionCandidates().filter(
    (candidate) => !quick || candidate.group === 'user' || candidate.group === 'hs256',
  );
  const perDelivery = new Map<string, number>();
  const failures: string[] = [];
  const child = await bundleChild();
  try {
    for (const candidate of candidates) {
      console.error(`   callgrind: ${candidate.id}`);
      try {
        const [once, twice] = await Promise.all([
          countInstructions(child.file, candidate.id, warmUp, count),
          countInstructions(child.file, candidate.id, warmUp, 2 * count),
        ]);
        perDelivery.set(candidate.id, (twice - once) / count);
      } catch (error) {
        failures.push(`instructions ${candidate.id}: ${(error as Error).message.slice(0, 500)}`);
      }
    }
  } finally {
    child.remove();
  }
  const groups = [...new Set(candidates.map((candidate) => candidate.group))];
  const cell = (id: string) => {
    const value = perDelivery.get(id);
    return value === undefined ? 'n/a' : integer(value);
  };
  return {
    tables: [
      {
        title,
        columns: [
          'path',
          'authhooks',
          'hand-written',
          'authhooks ÷ hand-written',
          '@octokit/webhooks',
          'authhooks ÷ octokit',
        ],
        rows: groups.map((group) => {
          const ours = perDelivery.get(`${group}:authhooks`);
          const hand = perDelivery.get(`${group}:hand-written`);
          const octokit = perDelivery.get(`${group}:octokit`);
          return [
            group,
            cell(`${group}:authhooks`),
            cell(`${group}:hand-written`),
            ours === undefined || hand === undefined ? 'n/a' : `${(ours / hand).toFixed(2)}×`,
            octokit === undefined ? '—' : cell(`${group}:octokit`),
            ours === undefined || octokit === undefined ? '—' : ratio(octokit / ours),
          ];
        }),
        notes: [
          `Instructions per delivery: callgrind totals of ${warmUp} + ${2 * count} deliveries minus ${warmUp} + ${count}, ` +
            `÷ ${count} (node --predictable, fixed seeds; every thread counted). authhooks ÷ hand-written: how many times ` +
            'the hand-written route’s instructions authhooks executes (issue 21: at most 1.5×). authhooks ÷ octokit: ' +
            'octokit’s instructions ÷ ours (1.00× or more = ahead of @octokit/webhooks).',
        ],
      },
    ],
    failures,
  };
}
