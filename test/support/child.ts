import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import { stopProcess, track } from './processes.js';

export interface Started {
  readonly child: ChildProcess;
  /** The first match of `ready` in the child's stdout (e.g. the URL it listens on). */
  readonly match: RegExpMatchArray;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts a server process and waits until its stdout matches `ready` (`null`: until it has spawned);
 * fails with its output otherwise.
 */
export function startUntil(
  command: string,
  args: readonly string[],
  ready: RegExp | null,
  options: SpawnOptions & { timeoutMs?: number } = {},
): Promise<Started> {
  const { timeoutMs = 30_000, ...spawnOptions } = options;
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...spawnOptions });
  track(child);
  let output = '';
  const stop = () => stopProcess(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(
        new Error(`${command} ${args.join(' ')} did not match ${ready} within ${timeoutMs} ms:\n${output}`),
      );
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready === null ? null : output.match(ready);
      if (match) {
        clearTimeout(timer);
        resolve({ child, match, output: () => output, stop });
      }
    };
    child.stdout?.on('data', onData);
    if (ready === null) {
      child.once('spawn', () => {
        clearTimeout(timer);
        resolve({ child, match: [''] as unknown as RegExpMatchArray, output: () => output, stop });
      });
    }
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${command} ${args.join(' ')} exited (${code ?? signal}) before ready:\n${output}`));
    });
  });
}
