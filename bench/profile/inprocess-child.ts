import { families } from '../inprocess/families.js';
import type { InProcessCandidate } from '../inprocess/hand-written.js';
import { bulkCreateBody } from '../scaling/bulk-body.js';
import { bulkHeaders, scalingCandidates } from '../scaling/candidates.js';

/** What the child tells the parent: when the measured loop started (µs, the profile's clock) and its result. */
export type InProcessProfileMessage =
  | { type: 'mark'; atUs: number }
  | { type: 'result'; value: { calls: number; usPerCall: number; status: number } };

/** Run by profile/inprocess.ts under `node --cpu-prof`: `inprocess-child.ts <target> <seconds>`. */
const [target = '', secondsArg = '5'] = process.argv.slice(2);
const seconds = Number(secondsArg);
const { call, headers, body } = pick(target);

const status = await call(headers, body);
await loop(Math.min(1, seconds / 5)); // warm-up: optimised code before the profile counts
send({ type: 'mark', atUs: Number(process.hrtime.bigint() / 1000n) });
const { calls, elapsedMs } = await loop(seconds);
send({ type: 'result', value: { calls, usPerCall: (elapsedMs * 1000) / calls, status } });
process.disconnect();

function pick(name: string): {
  call: InProcessCandidate;
  headers: Readonly<Record<string, string>>;
  body: Buffer;
} {
  const scaling = /^scaling:(\d+)$/.exec(name);
  if (scaling !== null) {
    return {
      call: scalingCandidates().authhooks,
      headers: bulkHeaders,
      body: bulkCreateBody(Number(scaling[1])),
    };
  }
  const family = families().find((f) => f.name === name || f.eventType === name);
  if (family === undefined) {
    const names = families().map((f) => `${f.name} (${f.eventType})`);
    throw new Error(`no in-process target "${name}": ${names.join(', ')}, or scaling:<users>`);
  }
  return { call: family.authhooks, headers: family.headers, body: family.body };
}

async function loop(forSeconds: number): Promise<{ calls: number; elapsedMs: number }> {
  const start = performance.now();
  let calls = 0;
  let now = start;
  do {
    // 100 calls between clock reads, so the loop itself barely shows in the profile.
    for (let i = 0; i < 100; i++) await call(headers, body);
    calls += 100;
    now = performance.now();
  } while (now - start < forSeconds * 1000);
  return { calls, elapsedMs: now - start };
}

function send(message: InProcessProfileMessage): void {
  process.send?.(message);
}
