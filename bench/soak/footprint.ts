import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runToResult } from '../lib/children.js';
import { fixed, mib } from '../lib/format.js';
import type { Table } from '../lib/report.js';
import { median } from '../lib/stats.js';

/** What the receivers import, and the frameworks and schema library beside them. */
const modules = [
  'express',
  'hono',
  'fastify',
  zodEntry(),
  '@authhooks/core',
  '@authhooks/fusionauth',
  '@authhooks/express',
  '@authhooks/hono',
  '@authhooks/fastify',
  '@authhooks/redis',
];

/** zod is not the bench's own dependency: the one @authhooks/fusionauth imports, as it imports it. */
function zodEntry(): string {
  const fusionauth = createRequire(fileURLToPath(import.meta.resolve('@authhooks/fusionauth')));
  const manifest = fusionauth.resolve('zod/package.json');
  const { exports } = fusionauth(manifest) as { exports: { '.': { import: string } } };
  return pathToFileURL(join(dirname(manifest), exports['.'].import)).href;
}

function moduleName(specifier: string): string {
  return specifier.startsWith('file:') ? 'zod (as @authhooks/fusionauth imports it)' : specifier;
}

interface Footprint {
  readonly heapUsed: number;
  readonly rss: number;
}

/**
 * The static part of a process's memory: each module imported alone into a fresh process (three
 * times, median), heap used and RSS after full GCs before and after. What the soak's controls do not
 * import shows up here rather than as growth.
 */
export async function footprintTable(): Promise<Table> {
  const rows: string[][] = [];
  for (const specifier of modules) {
    const runs: Footprint[] = [];
    for (let i = 0; i < 3; i++) {
      runs.push(
        await runToResult<Footprint>(new URL('./footprint-child.ts', import.meta.url), [specifier], {
          nodeFlags: ['--expose-gc'],
        }),
      );
    }
    rows.push([
      moduleName(specifier),
      fixed(median(runs.map((run) => run.heapUsed)) / mib, 1),
      fixed(median(runs.map((run) => run.rss)) / mib, 1),
    ]);
  }
  return {
    title: 'What importing costs a fresh process (median of 3, after full GCs)',
    columns: ['module', 'heap used MiB', 'RSS MiB'],
    rows,
    notes: [
      'Each module alone, with its own dependencies: @authhooks/fusionauth includes zod (its event schemas are zod schemas) and @authhooks/core; an adapter includes both packages.',
    ],
  };
}
