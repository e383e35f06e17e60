import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { track } from '../support/processes.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const target = process.env.AUTHHOOKS_TEST_TARGET === 'dist' ? 'dist' : 'source';

/**
 * `authhooks <args>` as a user runs it: in the `dist` project the built bin named by the package's
 * `bin` field, executed directly (its shebang and executable bit included); in `source`, the CLI's
 * TypeScript entry through tsx.
 */
function command(args: readonly string[]): [string, string[]] {
  if (target === 'dist') {
    const manifest = JSON.parse(readFileSync(`${repoRoot}packages/testing/package.json`, 'utf8')) as {
      bin: { authhooks: string };
    };
    return [`${repoRoot}packages/testing/${manifest.bin.authhooks}`, [...args]];
  }
  return [process.execPath, ['--import', 'tsx', `${repoRoot}packages/testing/src/cli.ts`, ...args]];
}

/** The parent's environment without colour settings (vitest sets some), plus `env`. */
function childEnv(env: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  const { FORCE_COLOR: _force, NO_COLOR: _no, ...rest } = process.env;
  return { ...rest, ...env };
}

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function startCli(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): ChildProcessWithoutNullStreams {
  const [file, argv] = command(args);
  return track(spawn(file, argv, { cwd: repoRoot, env: childEnv(env) }));
}

export function runCli(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<CliRun> {
  const child = startCli(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The text up to the first line matching `pattern`, once the child has printed it. */
export function waitForLine(stream: NodeJS.ReadableStream, pattern: RegExp): Promise<RegExpExecArray> {
  let seen = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer | string) => {
      seen += chunk.toString();
      const match = pattern.exec(seen);
      if (match) {
        stream.off('data', onData);
        resolve(match);
      }
    };
    stream.on('data', onData);
    stream.once('end', () => reject(new Error(`stream ended before ${pattern}; got:\n${seen}`)));
  });
}
