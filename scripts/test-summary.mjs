// Prints the plain CI summary line from vitest's JSON report: `tests: N passed, M failed`.
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.log('tests: 0 passed, 0 failed');
  console.error(`test-summary: no vitest JSON report at ${file}`);
  process.exit(1);
}
const report = JSON.parse(readFileSync(file, 'utf8'));
const passed = report.numPassedTests ?? 0;
const failed = report.numFailedTests ?? 0;
// A file that failed outside its tests (an import, a beforeAll) counts once: its tests were skipped.
const suiteErrors = (report.testResults ?? []).filter(
  (suite) =>
    suite.status === 'failed' && !(suite.assertionResults ?? []).some((test) => test.status === 'failed'),
).length;
console.log(`tests: ${passed} passed, ${failed + suiteErrors} failed`);
process.exit(failed + suiteErrors > 0 || passed === 0 ? 1 : 0);
