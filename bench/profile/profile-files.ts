import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const profilesDir = fileURLToPath(new URL('../profiles/', import.meta.url));

export interface ProfileTarget {
  /** bench/profiles/<name>.cpuprofile once kept. */
  readonly name: string;
  /** Node flags for the profiled child. */
  readonly nodeFlags: readonly string[];
  /** Moves the child's main-thread profile to bench/profiles/; returns its path, or undefined if there is none. */
  keep(): string | undefined;
}

/**
 * Where a child under `node --cpu-prof` writes. Every thread writes a profile (tsx's module-loader
 * thread too): they go to a directory of their own and only the main thread's is kept.
 */
export function profileTarget(id: string): ProfileTarget {
  const name = `${id}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  const threadsDir = join(profilesDir, name);
  mkdirSync(threadsDir, { recursive: true });
  return {
    name,
    nodeFlags: ['--cpu-prof', '--cpu-prof-dir', threadsDir, '--cpu-prof-interval', '250'],
    keep() {
      // Node names them CPU.<date>.<time>.<pid>.<thread id>.<seq>.cpuprofile; the main thread is 0.
      const mainThread = readdirSync(threadsDir).find((file) => /\.\d+\.0\.\d+\.cpuprofile$/.test(file));
      const file = join(profilesDir, `${name}.cpuprofile`);
      if (mainThread !== undefined) renameSync(join(threadsDir, mainThread), file);
      rmSync(threadsDir, { recursive: true, force: true });
      return mainThread === undefined ? undefined : file;
    },
  };
}
