import { alternating } from '../lib/stats.js';
import type { ServerCandidate } from './candidate.js';
import { type LoadResult, load } from './load.js';
import { startServer } from './server-process.js';
import { validate } from './validate.js';

export interface LoadPlan {
  readonly rounds: number;
  /** Load before measuring, so the server's code is optimised; not counted. */
  readonly warmSeconds: number;
  readonly seconds: number;
}

export interface HttpMeasurements {
  /** Per candidate id, one result per round. */
  readonly results: ReadonlyMap<string, readonly LoadResult[]>;
  readonly failures: readonly string[];
}

/**
 * Round by round, with the order reversed every other round, starts each candidate's server alone,
 * checks that it answers 200 and refuses a wrong key (a candidate that fails is dropped), warms it,
 * loads it and stops it.
 */
export async function measureServers(
  candidates: readonly ServerCandidate[],
  plan: LoadPlan,
): Promise<HttpMeasurements> {
  const failures: string[] = [];
  const dropped = new Set<string>();
  const results = new Map<string, LoadResult[]>();
  await alternating(candidates, plan.rounds, async (candidate, round) => {
    if (dropped.has(candidate.id)) return;
    const problems = await measureOnce(candidate, plan, (result) =>
      results.set(candidate.id, [...(results.get(candidate.id) ?? []), result]),
    );
    failures.push(...problems);
    if (problems.length > 0) dropped.add(candidate.id);
    const last = results.get(candidate.id)?.[round];
    progress(
      `${candidate.id} round ${round + 1}/${plan.rounds}: ` +
        (problems.length > 0 ? 'FAILED' : `${Math.round(last?.requestsPerSecond ?? 0)} req/s`),
    );
  });
  return { results, failures };
}

async function measureOnce(
  candidate: ServerCandidate,
  plan: LoadPlan,
  record: (result: LoadResult) => void,
): Promise<string[]> {
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(candidate);
  } catch (error) {
    return [`${candidate.id}: the server did not start (${(error as Error).message})`];
  }
  const problems = await validate(candidate, server.port);
  if (problems.length > 0) {
    await server.stop();
    return problems;
  }
  const warm =
    plan.warmSeconds > 0 ? await load(server.port, candidate.request, plan.warmSeconds) : undefined;
  const result = await load(server.port, candidate.request, plan.seconds);
  const handled = await server.stop();
  const failed = result.failed + (warm?.failed ?? 0);
  if (failed > 0) problems.push(`${candidate.id}: ${failed} requests under load failed or were not 2xx`);
  const ok = 1 + result.ok + (warm?.ok ?? 0);
  if (handled < ok)
    problems.push(`${candidate.id}: ${ok} answers were 200 but the handler ran ${handled} times`);
  if (problems.length === 0) record(result);
  return problems;
}

function progress(line: string): void {
  process.stderr.write(`  ${line}\n`);
}
