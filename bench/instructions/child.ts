import { handledCount } from '../lib/touch.js';
import { instructionCandidates } from './candidates.js';

// Run under callgrind by instructions/section.ts: `child.ts <candidate id> <warm-up> <count>`. It delivers
// `warm-up` events, then `count` more, and exits; the section runs it with two counts and divides the
// difference of the totals, so start-up, loading and warm-up cancel out.
const [id, warmUp, count] = process.argv.slice(2);
const candidate = instructionCandidates().find((one) => one.id === id);
if (candidate === undefined) throw new Error(`no instruction candidate ${id}`);
const total = Number(warmUp) + Number(count);
const before = handledCount();
for (let i = 0; i < total; i++) {
  const status = await candidate.deliver();
  if (status !== 200) throw new Error(`${id}: a valid delivery got ${status}`);
}
if (handledCount() !== before + total) throw new Error(`${id}: the handler did not run for every delivery`);
