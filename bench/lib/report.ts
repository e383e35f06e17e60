/** A table as Markdown rows: readable on a terminal and pasted as-is into RESULTS.md. */
export interface Table {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Lines printed under the table: how to read it, targets, caveats. */
  readonly notes?: readonly string[];
}

/** What one section hands back: its tables, and the checks that failed (a failed check fails the run). */
export interface SectionReport {
  readonly tables: readonly Table[];
  readonly failures: readonly string[];
}

export function renderTable(table: Table): string {
  const widths = table.columns.map((column, i) =>
    Math.max(column.length, ...table.rows.map((row) => (row[i] ?? '').length)),
  );
  const numeric = table.columns.map(
    (_, i) => table.rows.length > 0 && table.rows.every((row) => looksNumeric(row[i])),
  );
  const line = (cells: readonly string[]) =>
    `| ${widths.map((width, i) => pad(cells[i] ?? '', width, numeric[i] === true)).join(' | ')} |`;
  const rule = `|${widths.map((width, i) => (numeric[i] ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2))).join('|')}|`;
  const notes = (table.notes ?? []).map((note) => `\n${note}`).join('');
  return [`### ${table.title}`, '', line(table.columns), rule, ...table.rows.map(line), notes].join('\n');
}

function pad(text: string, width: number, right: boolean): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

function looksNumeric(text: string | undefined): boolean {
  return text !== undefined && (text === 'n/a' || /^[-+≤~]?\d/.test(text));
}
