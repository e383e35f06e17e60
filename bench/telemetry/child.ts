import { silentLogger } from '@authhooks/core';
import { fusionReceiver } from '@authhooks/fusionauth';
import { Bench } from 'tinybench';
import { authorizationKey } from '../lib/constants.js';
import { fusionAuthBody } from '../lib/fixtures.js';
import { sendResult } from '../lib/to-parent.js';
import { handledCount, touchUserId } from '../lib/touch.js';
import { applySetup, type TelemetrySetup } from './setups.js';

export interface TelemetryChildResult {
  /** Mean µs per delivery. */
  readonly us: number;
  readonly failures: readonly string[];
}

// Run by telemetry/section.ts in a process of its own: `child.ts <setup> <quick|full>`.
const setup = process.argv[2] as TelemetrySetup;
const quick = process.argv[3] === 'quick';
const recording = applySetup(setup);
const receiver = fusionReceiver({
  authorization: authorizationKey,
  logger: silentLogger,
  telemetry: setup !== 'off',
}).on('user.update', (event) => touchUserId(event.user.id));
const headers = { 'content-type': 'application/json', authorization: authorizationKey };
const body = fusionAuthBody('user.update.json');
const failures: string[] = [];

const before = handledCount();
const first = await receiver.receive({ method: 'POST', headers, body });
if (first.status !== 200 || handledCount() !== before + 1)
  failures.push(`telemetry ${setup}: a valid delivery got ${first.status} or its handler did not run`);
if (setup === 'sdk' && recording.spans() !== 1)
  failures.push(`telemetry sdk: expected one span per delivery, got ${recording.spans()}`);

let count = 0;
const bench = new Bench({ time: quick ? 50 : 1_500, warmupTime: quick ? 20 : 300 });
bench.add(setup, async () => {
  await receiver.receive({ method: 'POST', headers, body });
  if (++count % 10_000 === 0) recording.trim();
});
await bench.run();
const result = bench.tasks[0]?.result;
const us = result?.state === 'completed' ? result.latency.mean * 1000 : Number.NaN;
if (result?.state !== 'completed') failures.push(`telemetry ${setup}: ${result?.state}`);
await sendResult({ us, failures } satisfies TelemetryChildResult);
