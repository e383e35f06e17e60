import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const tsxLoader = import.meta.resolve('tsx');

export interface ForkOptions {
  /** Extra environment for the child (merged over this process's). */
  readonly env?: Readonly<Record<string, string>>;
  /** Node flags before the tsx loader, e.g. `--cpu-prof`. */
  readonly nodeFlags?: readonly string[];
}

/** Starts a TypeScript file in its own Node process (through tsx), with an IPC channel. */
export function forkTypeScript(
  file: URL,
  args: readonly string[] = [],
  options: ForkOptions = {},
): ChildProcess {
  return fork(fileURLToPath(file), [...args], {
    execArgv: [...(options.nodeFlags ?? []), '--import', tsxLoader],
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/** The child's next IPC message of `type`; rejects if it exits first. */
export function nextMessage<T extends { type: string }>(child: ChildProcess, type: T['type']): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type) {
        cleanup();
        resolve(message as T);
      }
    };
    const onExit = (code: number | null, signal: string | null) => {
      cleanup();
      reject(new Error(`child ${child.pid} exited (${signal ?? code}) before sending "${type}"`));
    };
    const cleanup = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/** Resolves when the child has exited; kills it if it has not after `graceMs`. */
export function exited(child: ChildProcess, graceMs = 10_000): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** Runs a measuring child to its end and returns its single `result` message. */
export async function runToResult<T>(
  file: URL,
  args: readonly string[],
  options: ForkOptions = {},
): Promise<T> {
  const child = forkTypeScript(file, args, options);
  try {
    const message = await nextMessage<{ type: 'result'; value: T }>(child, 'result');
    return message.value;
  } finally {
    await exited(child);
  }
}
