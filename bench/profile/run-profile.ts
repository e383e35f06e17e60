import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerCandidate } from '../http/candidate.js';
import { httpCandidates } from '../http/candidates.js';
import { load } from '../http/load.js';
import { startServer } from '../http/server-process.js';
import { validate } from '../http/validate.js';
import { signatureCandidates } from '../signature/candidates.js';
import { printSummary } from './print-summary.js';
import { summarizeProfile } from './summarize.js';

const profilesDir = fileURLToPath(new URL('../profiles/', import.meta.url));

/**
 * Runs one server candidate under `node --cpu-prof` while autocannon loads it, writes the profile to
 * bench/profiles/ and prints where the time went. Returns the exit code.
 */
export async function runProfile(id: string, seconds: number): Promise<number> {
  const candidates: ServerCandidate[] = [...httpCandidates(), ...signatureCandidates()];
  const candidate = candidates.find((c) => c.id === id);
  if (candidate === undefined) {
    console.error(
      `bench: no candidate "${id}". Candidates:\n${candidates.map((c) => `  ${c.id}`).join('\n')}`,
    );
    return 2;
  }
  mkdirSync(profilesDir, { recursive: true });
  const name = `${id}-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`;
  const server = await startServer(candidate, [
    '--cpu-prof',
    '--cpu-prof-dir',
    profilesDir,
    '--cpu-prof-name',
    name,
    '--cpu-prof-interval',
    '250',
  ]);
  const problems = await validate(candidate, server.port);
  if (problems.length === 0) {
    console.error(`profiling ${candidate.label} under load for ${seconds} s (after 1 s of warm-up)…`);
    await load(server.port, candidate.request, 1);
    const result = await load(server.port, candidate.request, seconds);
    console.log(
      `${Math.round(result.requestsPerSecond)} req/s under the profiler, ${result.failed} failed\n`,
    );
  }
  await server.stop();
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    return 1;
  }
  const file = join(profilesDir, name);
  if (!existsSync(file)) {
    console.error(`bench: the child wrote no profile at ${file}`);
    return 1;
  }
  console.log(`profile: bench/profiles/${name} (open it in Chrome DevTools → Performance, or VS Code)\n`);
  printSummary(summarizeProfile(file));
  return 0;
}
