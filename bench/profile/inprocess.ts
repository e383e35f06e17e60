import { exited, forkTypeScript, nextMessage } from '../lib/children.js';
import type { InProcessProfileMessage } from './inprocess-child.js';
import { printSummary } from './print-summary.js';
import { profileTarget } from './profile-files.js';
import { summarizeProfile } from './summarize.js';

// tsx profile/inprocess.ts <target> [seconds]: in-process receive() under node --cpu-prof, e.g.
//   tsx profile/inprocess.ts group          (an in-process family by name or event type)
//   tsx profile/inprocess.ts scaling:10000  (user.bulk.create with 10 000 users)
// Writes bench/profiles/<target>-<date>.cpuprofile and prints where the time went after warm-up.
const [target, secondsArg = '5'] = process.argv.slice(2);
if (target === undefined) {
  console.error('usage: tsx profile/inprocess.ts <family | event type | scaling:<users>> [seconds]');
  process.exit(2);
}
const profile = profileTarget(`inprocess-${target.replace(/[^\w.-]/g, '-')}`);
const child = forkTypeScript(new URL('./inprocess-child.ts', import.meta.url), [target, secondsArg], {
  nodeFlags: profile.nodeFlags,
});
const mark = await nextMessage<Extract<InProcessProfileMessage, { type: 'mark' }>>(child, 'mark');
const { value } = await nextMessage<Extract<InProcessProfileMessage, { type: 'result' }>>(child, 'result');
await exited(child);
const file = profile.keep();
if (file === undefined) {
  console.error('bench: the child wrote no main-thread profile');
  process.exit(1);
}
console.log(
  `${target}: ${value.calls} calls of receive() under the profiler, ${value.usPerCall.toFixed(2)} µs per call, ` +
    `status ${value.status}\nprofile: bench/profiles/${profile.name}.cpuprofile\n`,
);
printSummary(summarizeProfile(file, mark.atUs));
