import { Bench } from 'tinybench';
import { median } from '../lib/stats.js';
import { sendResult } from '../lib/to-parent.js';
import { handledCount } from '../lib/touch.js';
import { type Family, families } from './families.js';
import type { InProcessCandidate } from './hand-written.js';

export interface InProcessRow {
  readonly family: string;
  readonly eventType: string;
  readonly bodyBytes: number;
  readonly handWrittenCheck: string;
  /** Mean µs per event, median over the rounds. */
  readonly authhooksUs: number;
  readonly handWrittenUs: number;
}

export interface InProcessResult {
  readonly rows: readonly InProcessRow[];
  readonly failures: readonly string[];
}

// Run by inprocess/section.ts in a process of its own: `child.ts <quick>`.
const quick = process.argv[2] === 'quick';
const rounds = quick ? 1 : 3;
const rows: InProcessRow[] = [];
const failures: string[] = [];

for (const family of families()) {
  const problems = [
    ...(await check(family, 'authhooks', family.authhooks)),
    ...(await check(family, 'hand-written', family.handWritten)),
  ];
  failures.push(...problems);
  if (problems.length > 0) continue;
  const samples = { authhooks: [] as number[], handWritten: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    const bench = new Bench({ time: quick ? 50 : 600, warmupTime: quick ? 20 : 200 });
    const tasks = [
      ['authhooks', () => family.authhooks(family.headers, family.body)],
      ['handWritten', () => family.handWritten(family.headers, family.body)],
    ] as const;
    for (const [name, fn] of round % 2 === 0 ? tasks : [...tasks].reverse()) bench.add(name, fn);
    await bench.run();
    for (const task of bench.tasks) {
      const result = task.result;
      if (result.state !== 'completed') {
        failures.push(`in-process ${family.name} ${task.name}: ${result.state}`);
        continue;
      }
      samples[task.name as keyof typeof samples].push(result.latency.mean * 1000);
    }
  }
  rows.push({
    family: family.name,
    eventType: family.eventType,
    bodyBytes: family.body.byteLength,
    handWrittenCheck: family.handWrittenCheck,
    authhooksUs: median(samples.authhooks),
    handWrittenUs: median(samples.handWritten),
  });
}

const result: InProcessResult = { rows, failures };
await sendResult(result);

/** A valid delivery must answer 200 and run the handler once; a wrong key must answer 401. */
async function check(family: Family, name: string, candidate: InProcessCandidate): Promise<string[]> {
  const problems: string[] = [];
  const before = handledCount();
  const valid = await candidate(family.headers, family.body);
  if (valid !== 200)
    problems.push(`in-process ${family.name} ${name}: a valid delivery got ${valid}, expected 200`);
  if (handledCount() !== before + 1)
    problems.push(`in-process ${family.name} ${name}: the handler did not run`);
  const wrong = await candidate(family.wrongHeaders, family.body);
  if (wrong !== 401)
    problems.push(`in-process ${family.name} ${name}: a wrong key got ${wrong}, expected 401`);
  return problems;
}
