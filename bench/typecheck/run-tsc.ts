import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/lib/tsc.js');

export interface TscRun {
  readonly wallMs: number;
  readonly exitCode: number | null;
  /** From `--extendedDiagnostics`: "Memory used" in bytes, "Files", "Types", "Instantiations". */
  readonly memoryBytes: number;
  readonly files: number;
  readonly types: number;
  readonly instantiations: number;
  /** The `error TS…` lines, if any. */
  readonly errors: readonly string[];
}

/** Runs `tsc -p <project> --extendedDiagnostics` in a fresh Node process and times it from the outside. */
export function runTsc(project: string, extraArgs: readonly string[] = []): Promise<TscRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [tsc, '-p', project, '--extendedDiagnostics', ...extraArgs], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (exitCode) => {
      const wallMs = performance.now() - started;
      const stat = (name: string) =>
        Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(output)?.[1] ?? Number.NaN);
      resolve({
        wallMs,
        exitCode,
        memoryBytes: stat('Memory used') * 1024,
        files: stat('Files'),
        types: stat('Types'),
        instantiations: stat('Instantiations'),
        errors: output.split('\n').filter((line) => line.includes('error TS')),
      });
    });
  });
}
