/**
 * Starts a test's child process the way its vitest project runs code (AUTHHOOKS_TEST_TARGET):
 * `source` → node with tsx's loader, from the repository root, so `@authhooks/*` resolve to the sources
 * by the root tsconfig `paths`; `dist` → plain node, so they resolve through node_modules to the built
 * packages, as in a user's app. One process either way (no wrapper), so a signal reaches the script.
 *
 * The script should be plain ESM (`.mjs`) to run under both. It can report
 * `import.meta.resolve('@authhooks/…')`, and `expectResolvedTarget` checks that it ran what was meant.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { track } from './processes.js';

export type TestTarget = 'source' | 'dist';

const root = fileURLToPath(new URL('../..', import.meta.url));

export function testTarget(): TestTarget {
  const target = process.env.AUTHHOOKS_TEST_TARGET;
  if (target !== 'source' && target !== 'dist') {
    throw new Error(
      `AUTHHOOKS_TEST_TARGET is ${target === undefined ? 'unset' : `'${target}'`}: run these tests through vitest (--project source or dist).`,
    );
  }
  return target;
}

export interface TestProcess {
  readonly child: ChildProcess;
  /** Every JSON line the script printed on stdout, in order. */
  readonly messages: readonly Record<string, unknown>[];
  /** Resolves with the first message (past or future) that `match` accepts; rejects if the process exits first. */
  next(
    match: (message: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  /** What it wrote on stderr (the last 8 kB), for failure messages. */
  stderr(): string;
  /** Sends `signal` (default SIGTERM) and waits until the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function startTestProcess(script: string | URL, env: Record<string, string> = {}): TestProcess {
  const path = script instanceof URL ? fileURLToPath(script) : script;
  const args = testTarget() === 'source' ? ['--import', 'tsx', path] : [path];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  track(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const messages: Record<string, unknown>[] = [];
  const waiters = new Set<() => void>();
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    try {
      messages.push(JSON.parse(line));
    } catch {
      return; // not a message
    }
    for (const wake of waiters) wake();
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-8_000);
  });

  return {
    child,
    messages,
    stderr: () => errors,
    next(match, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(match);
          if (found === undefined) return false;
          finish();
          resolve(found);
          return true;
        };
        const onExit = () => {
          if (check()) return;
          finish();
          reject(
            new Error(`the test process exited (${child.exitCode ?? child.signalCode}) first:\n${errors}`),
          );
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`no matching message from the test process within ${timeoutMs} ms:\n${errors}`));
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          waiters.delete(check);
          child.off('close', onExit);
        };
        if (check()) return;
        if (child.exitCode !== null || child.signalCode !== null) return onExit();
        waiters.add(check);
        child.once('close', onExit);
      });
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** Checks that a module the child resolved is the source (`source`) or the built file (`dist`). */
export function expectResolvedTarget(resolvedUrl: unknown): void {
  const url = String(resolvedUrl);
  const ok = testTarget() === 'source' ? /\/packages\/[^/]+\/src\/[^/]+\.ts$/ : /\/dist\/[^/]+\.js$/;
  if (!ok.test(url)) {
    throw new Error(`the test process resolved ${url}, which is not the ${testTarget()} target`);
  }
}
