// The last line of .ci/run comes from scripts/test-summary.mjs reading vitest's JSON report. A file that
// fails outside its tests (an import, a beforeAll) has no failed test, only skipped ones: it must still
// count as a failure, or CI says "0 failed" over a suite that never ran.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../scripts/test-summary.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'authhooks-test-summary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Status = 'passed' | 'failed' | 'skipped';
const suite = (status: 'passed' | 'failed', tests: Status[]) => ({
  status,
  assertionResults: tests.map((test) => ({ status: test })),
});

async function summarize(report: object): Promise<{ line: string; code: number }> {
  const file = join(dir, `${crypto.randomUUID()}.json`);
  writeFileSync(file, JSON.stringify(report));
  const result = await promisify(execFile)(process.execPath, [script, file]).then(
    ({ stdout }) => ({ stdout, code: 0 }),
    (error: { stdout: string; code: number }) => ({ stdout: error.stdout, code: error.code }),
  );
  return { line: result.stdout.trim(), code: result.code };
}

it('passes when every test passed', async () => {
  const report = {
    numPassedTests: 3,
    numFailedTests: 0,
    testResults: [suite('passed', ['passed', 'passed'])],
  };
  expect(await summarize(report)).toEqual({ line: 'tests: 3 passed, 0 failed', code: 0 });
});

it('counts failed tests', async () => {
  const report = {
    numPassedTests: 1,
    numFailedTests: 2,
    testResults: [suite('failed', ['passed', 'failed'])],
  };
  expect(await summarize(report)).toEqual({ line: 'tests: 1 passed, 2 failed', code: 1 });
});

it('counts a file that failed in beforeAll, with its tests skipped, as one failure', async () => {
  const report = {
    numPassedTests: 4,
    numFailedTests: 0,
    testResults: [suite('failed', ['passed', 'skipped', 'skipped']), suite('passed', ['passed'])],
  };
  expect(await summarize(report)).toEqual({ line: 'tests: 4 passed, 1 failed', code: 1 });
});

it('counts a file that failed to load (no tests at all) as one failure', async () => {
  const report = { numPassedTests: 2, numFailedTests: 0, testResults: [suite('failed', [])] };
  expect(await summarize(report)).toEqual({ line: 'tests: 2 passed, 1 failed', code: 1 });
});

it('fails when nothing passed', async () => {
  expect(await summarize({ numPassedTests: 0, numFailedTests: 0, testResults: [] })).toEqual({
    line: 'tests: 0 passed, 0 failed',
    code: 1,
  });
});
