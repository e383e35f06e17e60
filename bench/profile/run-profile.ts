import type { ServerCandidate } from '../http/candidate.js';
import { httpCandidates } from '../http/candidates.js';
import { load } from '../http/load.js';
import { startServer } from '../http/server-process.js';
import { validate } from '../http/validate.js';
import { signatureCandidates } from '../signature/candidates.js';
import { printSummary } from './print-summary.js';
import { profileTarget } from './profile-files.js';
import { summarizeProfile } from './summarize.js';

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
  const target = profileTarget(id);
  const server = await startServer(candidate, target.nodeFlags);
  const problems = await validate(candidate, server.port);
  let loadedFromUs = 0;
  if (problems.length === 0) {
    console.error(`profiling ${candidate.label} under load for ${seconds} s (after 1 s of warm-up)…`);
    await load(server.port, candidate.request, 1);
    loadedFromUs = await server.mark();
    const result = await load(server.port, candidate.request, seconds);
    console.log(
      `${Math.round(result.requestsPerSecond)} req/s under the profiler, ${result.failed} failed\n`,
    );
  }
  await server.stop();
  const file = target.keep();
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    return 1;
  }
  if (file === undefined) {
    console.error('bench: the child wrote no main-thread profile');
    return 1;
  }
  console.log(
    `profile: bench/profiles/${target.name}.cpuprofile (open it in Chrome DevTools → Performance, or VS Code)\n`,
  );
  console.log(
    'Only the samples taken under load count below (start-up, module loading and warm-up are left out).\n',
  );
  printSummary(summarizeProfile(file, loadedFromUs));
  return 0;
}
