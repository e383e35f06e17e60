/**
 * Every child process a test file starts through the support helpers, so that none outlives the file:
 * `stopStartedProcesses` runs in `afterAll` of every test file (test/support/setup/stop-processes.ts),
 * whatever happened in the tests, and an `exit` hook kills what is left if the file ends abruptly.
 * `.ci/run` then checks that no process it started is still running.
 */
import type { ChildProcess } from 'node:child_process';

const running = new Set<ChildProcess>();

process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Tracks `child` until it exits. */
export function track<T extends ChildProcess>(child: T): T {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** SIGTERM to every tracked process still running, SIGKILL after `graceMs`; resolves once all have exited. */
export async function stopStartedProcesses(graceMs = 5_000): Promise<void> {
  await Promise.all([...running].map((child) => stopProcess(child, graceMs)));
}

export function stopProcess(child: ChildProcess, graceMs = 5_000): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), graceMs).unref();
  });
}
