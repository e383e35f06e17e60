import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * The child bundled into one plain JavaScript file (the built packages and every dependency inside),
 * so a run under callgrind does not spend a minute in tsx's transpiler and module resolution.
 */
export async function bundleChild(): Promise<{ file: string; remove: () => void }> {
  // Beside bench/lib, so that the fixtures' paths (relative to import.meta.url) still resolve.
  const dir = mkdtempSync(fileURLToPath(new URL('../.tmp-instructions-', import.meta.url)));
  const file = join(dir, 'child.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./child.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: file,
    logLevel: 'error',
    // CommonJS dependencies (octokit's) call require() for Node's own modules.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Whether valgrind is installed (`apt-get install -y valgrind`). */
export function callgrindAvailable(): boolean {
  return spawnSync('valgrind', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * Instructions executed by a whole `node <bundled child> <id> <warm-up> <count>` run, every thread
 * counted, with self-modifying-code checks on (V8 writes and rewrites its own machine code).
 */
export async function countInstructions(
  child: string,
  id: string,
  warmUp: number,
  count: number,
): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'authhooks-callgrind-'));
  try {
    await new Promise<void>((resolve, reject) => {
      const run = spawn(
        'valgrind',
        [
          '--tool=callgrind',
          '--smc-check=all',
          `--callgrind-out-file=${join(dir, 'callgrind.%p')}`,
          process.execPath,
          // Deterministic V8 (no background threads, fixed random and hash seeds): the totals of two
          // identical runs differ by a few instructions per delivery, not thousands.
          '--predictable',
          '--random-seed=1',
          '--hash-seed=1',
          child,
          id,
          String(warmUp),
          String(count),
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let stderr = '';
      run.stderr.on('data', (part: Buffer) => {
        stderr = (stderr + part.toString()).slice(-4000);
      });
      run.on('error', reject);
      run.on('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`callgrind run of ${id} exited ${code}: ${stderr}`)),
      );
    });
    let total = 0;
    for (const file of readdirSync(dir)) {
      const summary = /^(?:summary|totals): (\d+)/m.exec(readFileSync(join(dir, file), 'utf8'));
      if (summary !== null) total += Number(summary[1]);
    }
    if (total === 0) throw new Error(`callgrind wrote no totals for ${id}`);
    return total;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
