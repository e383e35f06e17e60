// Finds the processes a CI run left behind: `node scripts/leftover-processes.mjs <marker>` lists every
// process (other than this one and its ancestors) whose environment has AUTHHOOKS_CI_RUN_ID=<marker>,
// which .ci/run exports and every process it starts inherits, even one that was orphaned and reparented.
// Those still there after a grace period are printed, killed, and make the exit code 1. Linux only
// (/proc); elsewhere it says so and exits 0.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const marker = process.argv[2];
if (!marker) {
  console.error('usage: node scripts/leftover-processes.mjs <AUTHHOOKS_CI_RUN_ID>');
  process.exit(2);
}
if (!existsSync('/proc/self/environ')) {
  console.log('leftover processes: not checked (no /proc on this system)');
  process.exit(0);
}

const needle = `AUTHHOOKS_CI_RUN_ID=${marker}`;

function parentOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may contain spaces: fields after the last ')'.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return 0;
  }
}

const ancestors = new Set();
for (let pid = process.pid; pid > 1; pid = parentOf(pid)) ancestors.add(pid);

function leftovers() {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || ancestors.has(pid)) continue;
    try {
      const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      if (!environ.includes(needle)) continue;
      if (readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ')) continue; // a zombie is gone already
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
      found.push({ pid, command });
    } catch {
      // exited while we looked, or not ours to read
    }
  }
  return found;
}

// Processes stopped at the very end (SIGTERM sent, exit pending) get a moment to go.
const deadline = Date.now() + 5_000;
let found = leftovers();
while (found.length > 0 && Date.now() < deadline) {
  await new Promise((resolve) => setTimeout(resolve, 250));
  found = leftovers();
}

if (found.length === 0) {
  console.log('leftover processes: none');
} else {
  console.log(
    `leftover processes: ${found.length} still running after the run (a test did not stop what it started):`,
  );
  for (const { pid, command } of found) {
    console.log(`  ${pid} ${command.slice(0, 200)}`);
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone in the meantime
    }
  }
  process.exitCode = 1;
}
