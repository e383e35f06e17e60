import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { track } from '../../../test/support/processes.js';
import { expectResolvedTarget, testTarget } from '../../../test/support/test-process.js';

// Runs `npm run demo`'s script as its own process and reads what it prints. The demo is TypeScript, so
// tsx runs it in both projects; its tsconfig decides where @authhooks/* come from: the root tsconfig's
// `paths` (the sources) in `source`, a tsconfig without `paths` (node_modules → the built dist/) in `dist`.

const demoDir = fileURLToPath(new URL('..', import.meta.url));
const root = fileURLToPath(new URL('../../..', import.meta.url));

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runDemo(): Promise<Run> {
  const tsconfig = testTarget() === 'source' ? 'tsconfig.json' : 'tsconfig.base.json';
  const child = track(
    spawn(process.execPath, ['--import', 'tsx', '--import', './test/resolve-probe.mjs', 'src/demo.ts'], {
      cwd: demoDir,
      env: { ...process.env, TSX_TSCONFIG_PATH: `${root}${tsconfig}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The lines of the scene numbered `number`, up to the next blank line. */
function scene(stdout: string, number: number): string[] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`${number}. `));
  if (start === -1) throw new Error(`no scene ${number} in:\n${stdout}`);
  const end = lines.indexOf('', start);
  return lines.slice(start, end === -1 ? undefined : end);
}

/** The rows of the table printed under `heading`, without its header and rule. */
function table(stdout: string, heading: string): string[][] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((line) => line.startsWith(heading));
  if (start === -1) throw new Error(`no "${heading}" table in:\n${stdout}`);
  const end = lines.indexOf('', start);
  return lines.slice(start + 3, end === -1 ? undefined : end).map((line) => line.trim().split(/ {2,}/));
}

describe('npm run demo', () => {
  let run: Run;
  beforeAll(async () => {
    run = await runDemo();
  }, 120_000);

  it('runs against the build of this project and exits 0', () => {
    expect(run.code, run.stderr).toBe(0);
    const probe = run.stderr.split('\n').find((line) => line.startsWith('{"resolved"'));
    const resolved = (JSON.parse(probe ?? '{"resolved":[]}') as { resolved: string[] }).resolved;
    expect(resolved).toHaveLength(2);
    for (const url of resolved) expectResolvedTarget(url);
    expect(run.stdout).not.toContain('UNEXPECTED');
    expect(run.stdout).not.toContain('\u001b['); // no colour when not a terminal
  });

  it("prints FusionAuth's decision and the API status for every event", () => {
    expect(table(run.stdout, 'Summary')).toEqual([
      ['1', 'user.create', 'Ada signs up', '3 of 3', 'committed', '200'],
      ['2', 'user.create', 'FusionAuth delivers the same event again', '3 of 3', 'committed', '200'],
      ['3', 'user.registration.create', 'Bob registers for the todo app', '3 of 3', 'committed', '200'],
      ['4', 'user.registration.create', 'Eve registers from a blocked domain', '2 of 3', 'committed', '200'],
      [
        '5',
        'user.registration.create',
        'Eve tries again while the CRM is down',
        '1 of 3',
        'rolled back',
        '504',
      ],
      [
        '6',
        'user.update',
        'Ada changes her email while the mailing list hangs',
        '2 of 3',
        'committed',
        '200',
      ],
      ['7', 'user.delete', 'Ada deletes her account while the CRM is slow', '2 of 3', 'committed', '200'],
    ]);
  });

  it("prints each webhook's answers, retries included", () => {
    const answers = (number: number) =>
      scene(run.stdout, number)
        .filter((line) => /^ {3}(todo-app|audit|crm) /.test(line))
        .map((line) => line.trim().split(/\s+/).slice(0, 3).join(' '));
    expect(answers(2)).toEqual(['todo-app 200 duplicate', 'audit 200 recorded', 'crm 200 recorded']);
    expect(answers(4)).toEqual([
      ...Array(4).fill('todo-app 422 rejected'),
      'audit 200 recorded',
      'crm 200 recorded',
    ]);
    expect(answers(5)).toEqual(['todo-app 422 rejected', 'audit 200 recorded', 'crm 503 crm']);
    expect(answers(6)).toEqual([
      'todo-app 504 timeout',
      'todo-app 200 handled',
      'audit 200 recorded',
      'crm 200 recorded',
    ]);
    expect(answers(7)).toEqual([
      'todo-app 200 handled',
      'audit 200 recorded',
      'crm --- read',
      'crm 200 recorded',
    ]);
  });

  it('prints the rows before and after each change', () => {
    // The lines labelled "database", up to the "why" line; each starts with its label in 15 columns.
    const database = (number: number) => {
      const lines = scene(run.stdout, number);
      const from = lines.findIndex((line) => line.startsWith('   database'));
      const to = lines.findIndex((line) => line.startsWith('   why'));
      return lines.slice(from, to).map((line) => line.slice(15));
    };
    expect(database(1)).toEqual(['before  no users', 'after   ada@example.com (0 todos)']);
    expect(database(2)).toEqual(['ada@example.com (0 todos) (unchanged)']);
    expect(database(5)).toEqual(['ada@example.com (3 todos), bob@example.com (1 todo) (unchanged)']);
    expect(database(7)).toEqual([
      'before  ada@lovelace.example (3 todos), bob@example.com (1 todo)',
      'after   bob@example.com (1 todo)',
    ]);
    expect(table(run.stdout, 'Database at the end')).toEqual([['bob@example.com', '1']]);
  });
});
