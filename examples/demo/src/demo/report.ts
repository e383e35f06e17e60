import { styleText } from 'node:util';
import type { SimulationResult, WebhookAttempt } from '@authhooks/testing';
import type { UserRow } from '../db.js';

type Style = Parameters<typeof styleText>[0];

const useColour = process.stdout.isTTY === true && !process.env.NO_COLOR;
export const paint = (style: Style, text: string) => (useColour ? styleText(style, text) : text);

const indent = '   ';
const labelWidth = 12;

export function decisionOf(result: SimulationResult): 'committed' | 'rolled back' {
  return result.committed ? 'committed' : 'rolled back';
}

export interface SceneReport {
  readonly number: number;
  readonly title: string;
  readonly result: SimulationResult;
  readonly before: readonly UserRow[];
  readonly after: readonly UserRow[];
  readonly why: string;
}

export function printScene({ number, title, result, before, after, why }: SceneReport): void {
  console.log(`\n${paint('bold', `${number}. ${title}`)}  ${paint('dim', result.eventType)}`);
  for (const attempt of result.attempts) console.log(indent + attemptLine(attempt));
  const decision = decisionOf(result);
  const verdict =
    `${paint(result.committed ? 'green' : 'red', decision)} · API ${result.apiStatus}` +
    ` · ${result.succeeded} of ${result.webhooks} answered 2xx, ${result.transactionType} needs ${result.required}`;
  console.log(labelled('FusionAuth', verdict));
  if (sameRows(before, after)) {
    console.log(labelled('database', `${describeRows(after)} ${paint('dim', '(unchanged)')}`));
  } else {
    console.log(labelled('database', `before  ${describeRows(before)}`));
    console.log(labelled('', `after   ${describeRows(after)}`));
  }
  wrap(why, 100 - indent.length - labelWidth).forEach((line, index) => {
    console.log(labelled(index === 0 ? 'why' : '', line));
  });
}

function attemptLine(attempt: WebhookAttempt): string {
  const name = (attempt.webhookId ?? attempt.url).padEnd(9);
  const status = (attempt.status === undefined ? '---' : String(attempt.status)).padEnd(4);
  const outcome = (attempt.error ?? outcomeOf(attempt.body)).padEnd(27);
  const time = `${Math.round(attempt.durationMs)} ms`.padStart(8);
  const retry = attempt.attempt > 1 ? `  retry ${attempt.attempt - 1} (after the commit)` : '';
  return `${name} ${paint(attempt.ok ? 'green' : 'red', status)}${outcome}${time}${retry}`;
}

/** The `outcome` of an authhooks answer (`handled`, `rejected`…), or the `error` of another service's. */
function outcomeOf(body: unknown): string {
  if (body === null || typeof body !== 'object') return '';
  const { outcome, error } = body as { outcome?: unknown; error?: unknown };
  return String(outcome ?? error ?? '');
}

function labelled(label: string, text: string): string {
  return `${indent}${label.padEnd(labelWidth)}${text}`;
}

function describeRows(rows: readonly UserRow[]): string {
  if (rows.length === 0) return 'no users';
  return rows.map((row) => `${row.email ?? row.id} (${plural(row.todos, 'todo')})`).join(', ');
}

function sameRows(a: readonly UserRow[], b: readonly UserRow[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  return [...lines, line];
}

/** Columns padded to their widest cell, a rule under the header. */
export function printTable(rows: readonly (readonly string[])[]): void {
  const widths = (rows[0] ?? []).map((_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  console.log(indent + line(rows[0] ?? []));
  console.log(indent + widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows.slice(1)) console.log(indent + line(row));
}
