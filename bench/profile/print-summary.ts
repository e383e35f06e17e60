import { fixed, percent } from '../lib/format.js';
import { renderTable } from '../lib/report.js';
import type { ProfileSummary } from './summarize.js';

/** The top functions by self time and the time per package, as tables. */
export function printSummary(summary: ProfileSummary, top = 25): void {
  const share = (ms: number) => percent(ms / summary.busyMs);
  console.log(
    `busy ${fixed(summary.busyMs / 1000, 2)} s of sampled time, idle ${fixed(summary.idleMs / 1000, 2)} s ` +
      '(percentages are of busy time)\n',
  );
  console.log(
    renderTable({
      title: `Top ${top} functions by self time`,
      columns: ['self ms', 'self %', 'function', 'where (as run)', 'source'],
      rows: summary.functions
        .slice(0, top)
        .map((fn) => [fixed(fn.selfMs), share(fn.selfMs), fn.name, fn.location, fn.source ?? '']),
    }),
  );
  console.log();
  console.log(
    renderTable({
      title: 'Self time by package',
      columns: ['package', 'self ms', 'self %'],
      rows: summary.groups.slice(0, 15).map((g) => [g.group, fixed(g.selfMs), share(g.selfMs)]),
    }),
  );
}
