import { appendFileSync } from 'node:fs';
import { renderTable, type Table } from './report.js';

const resultsFile = new URL('../RESULTS.md', import.meta.url);

export interface RecordedRun {
  readonly label: string | undefined;
  readonly command: string;
  readonly machine: string;
  /** Load averages (1/5/15 min) when the run started and when it ended. */
  readonly load: { readonly start: string; readonly end: string };
  readonly startedAt: Date;
  readonly quick: boolean;
  readonly tables: readonly Table[];
  readonly failures: readonly string[];
}

/** Appends one dated section (under the file's last heading, "## Runs") with the machine, the command and every table to bench/RESULTS.md. */
export function appendToResults(run: RecordedRun): void {
  const date = run.startedAt.toISOString().slice(0, 10);
  const title = `### ${date}${run.label === undefined ? '' : ` — ${run.label}`}${run.quick ? ' (smoke run, not a measurement)' : ''}`;
  const lines = [
    '',
    title,
    '',
    `- machine: ${run.machine}`,
    `- started: ${run.startedAt.toISOString()}`,
    `- load average (1/5/15 min) at start: ${run.load.start}; at end: ${run.load.end}`,
    `- command: \`${run.command}\``,
    ...(run.failures.length > 0 ? [`- failed checks: ${run.failures.join('; ')}`] : []),
    '',
    // One heading level below the run's, which sits under "## Runs".
    ...run.tables.flatMap((table) => [renderTable(table).replace(/^### /, '#### '), '']),
  ];
  appendFileSync(resultsFile, lines.join('\n'));
}
