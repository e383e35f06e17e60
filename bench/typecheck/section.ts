import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bytes, fixed, integer, ratio } from '../lib/format.js';
import type { SectionReport, Table } from '../lib/report.js';
import type { SectionContext } from '../lib/section.js';
import { alternating, median } from '../lib/stats.js';
import { runTsc, type TscRun } from './run-tsc.js';

const apps = [
  { id: 'express-only', label: 'Express, hand-written route (no webhook library)' },
  { id: 'authhooks', label: 'Express + @authhooks/express fusionWebhook, two .on handlers' },
  { id: 'octokit', label: "Express + @octokit/webhooks 14, .on('issues.opened')" },
] as const;

const fusionAuthTypes = new URL('../node_modules/@authhooks/fusionauth/dist/index.d.ts', import.meta.url);

/**
 * Section 5: what a one-file app costs `tsc` 5.9 (strict, nodenext, skipLibCheck false), seeing the
 * built packages through bench/node_modules. Quick: the three apps in one tsc run with skipLibCheck,
 * only to prove they still compile.
 */
export async function typecheckSection({ quick }: SectionContext): Promise<SectionReport> {
  const project = (name: string) => fileURLToPath(new URL(`./apps/${name}`, import.meta.url));
  if (quick) {
    const run = await runTsc(project('tsconfig.smoke.json'));
    return {
      tables: [
        {
          title: 'Type-check (smoke run): the three apps in one tsc run, skipLibCheck true',
          columns: ['apps', 'wall s', 'errors'],
          rows: [
            [apps.map((app) => app.id).join(', '), fixed(run.wallMs / 1000, 2), String(run.errors.length)],
          ],
        },
      ],
      failures: failuresOf('smoke', [run]),
    };
  }
  const runs = new Map<string, TscRun[]>();
  await alternating(apps, 3, async (app, round) => {
    const run = await runTsc(project(`${app.id}/tsconfig.json`));
    runs.set(app.id, [...(runs.get(app.id) ?? []), run]);
    process.stderr.write(`  ${app.id} round ${round + 1}/3: ${(run.wallMs / 1000).toFixed(1)} s\n`);
  });
  return {
    tables: [table(runs)],
    failures: apps.flatMap((app) => failuresOf(app.id, runs.get(app.id) ?? [])),
  };
}

function failuresOf(name: string, runs: readonly TscRun[]): string[] {
  const failed = runs.find((run) => run.exitCode !== 0);
  return failed === undefined
    ? []
    : [`typecheck ${name}: tsc exited ${failed.exitCode}: ${failed.errors.slice(0, 3).join(' | ')}`];
}

function table(runs: ReadonlyMap<string, readonly TscRun[]>): Table {
  const summary = (id: string) => {
    const list = runs.get(id) ?? [];
    return {
      wallMs: median(list.map((r) => r.wallMs)),
      memoryBytes: median(list.map((r) => r.memoryBytes)),
      first: list[0],
    };
  };
  const baseline = summary('express-only');
  const dts = readFileSync(fusionAuthTypes, 'utf8');
  return {
    title: 'Type-check cost: tsc 5.9, strict, nodenext, skipLibCheck false',
    columns: ['app', 'wall s', '÷ express only', 'memory used', 'files', 'types', 'instantiations', 'errors'],
    rows: apps.map((app) => {
      const s = summary(app.id);
      return [
        app.label,
        fixed(s.wallMs / 1000, 2),
        ratio(s.wallMs / baseline.wallMs),
        bytes(s.memoryBytes),
        integer(s.first?.files ?? Number.NaN),
        integer(s.first?.types ?? Number.NaN),
        integer(s.first?.instantiations ?? Number.NaN),
        String(s.first?.errors.length ?? 'n/a'),
      ];
    }),
    notes: [
      `wall: whole tsc process, median of 3 (order alternated); memory used, files, types, instantiations: tsc --extendedDiagnostics.`,
      `@authhooks/fusionauth dist/index.d.ts: ${bytes(Buffer.byteLength(dts))}, ${integer(dts.split('\n').length)} lines.`,
    ],
  };
}
