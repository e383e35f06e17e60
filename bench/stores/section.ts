import { postgresServerAvailable, startPostgresServer } from '../../test/support/postgres-process.js';
import { redisServerBinary, startRedisServer } from '../../test/support/redis-process.js';
import { fixed, ratio } from '../lib/format.js';
import type { SectionReport, Table } from '../lib/report.js';
import type { SectionContext } from '../lib/section.js';
import { alternating, median } from '../lib/stats.js';
import { type StoreCandidate, storeCandidates } from './candidates.js';

/**
 * Section 8 (issue 19): what each idempotency store adds to a delivery whose handler writes one row
 * to Postgres, in-process (`receive()`), side by side against servers of its own on 127.0.0.1: one
 * delivery at a time (latency: the round trips show) and 32 at once (throughput). Round trips to
 * Postgres are counted on the pg connections.
 */
export async function storesSection({ quick }: SectionContext): Promise<SectionReport> {
  const title = 'Stores: per-delivery cost, the handler writing one row to Postgres';
  if (!postgresServerAvailable || redisServerBinary === undefined) {
    const why = 'skipped: needs PostgreSQL (apt-get install postgresql) and redis-server';
    console.error(`   stores section ${why}`);
    return { tables: [{ title, columns: ['section', 'status'], rows: [['stores', why]] }], failures: [] };
  }
  const [postgresServer, redisServer] = await Promise.all([startPostgresServer(), startRedisServer()]);
  const failures: string[] = [];
  const { candidates, close } = await storeCandidates({
    postgresUrl: postgresServer.url,
    redisUrl: redisServer.url,
  });
  const deliveries = quick ? 20 : 2_000;
  const rounds = quick ? 1 : 3;
  const serial = new Map<string, number[]>();
  const parallel = new Map<string, number[]>();
  const trips = new Map<string, number>();
  try {
    for (const candidate of candidates) await batch(candidate, 50, 1, failures); // warm-up
    await alternating(candidates, rounds, async (candidate) => {
      const before = candidate.roundTrips() ?? 0;
      const started = performance.now();
      await batch(candidate, deliveries, 1, failures);
      const elapsed = performance.now() - started;
      const after = candidate.roundTrips();
      if (after !== undefined) trips.set(candidate.name, (after - before) / deliveries);
      push(serial, candidate.name, (elapsed * 1000) / deliveries);
      const startedParallel = performance.now();
      await batch(candidate, deliveries, 32, failures);
      push(parallel, candidate.name, deliveries / ((performance.now() - startedParallel) / 1000));
    });
  } finally {
    await close();
    await Promise.all([postgresServer.stop(), redisServer.stop()]);
  }
  const base = median(serial.get(candidates[1]?.name ?? '') ?? []);
  const table: Table = {
    title: `${title} (${deliveries} new events per round, ${rounds} rounds, median; PostgreSQL and redis-server on 127.0.0.1)`,
    columns: [
      'candidate',
      'µs / delivery, one at a time',
      '÷ memoryStore',
      'deliveries/s, 32 at once',
      'pg round trips / delivery',
    ],
    rows: candidates.map((candidate) => {
      const us = median(serial.get(candidate.name) ?? []);
      const perSecond = median(parallel.get(candidate.name) ?? []);
      return [
        candidate.name,
        fixed(us, 0),
        ratio(us / base),
        fixed(perSecond, 0),
        fixed(trips.get(candidate.name) ?? Number.NaN, 2),
      ];
    }),
    notes: [
      "Round trips count every statement sent on the pg connections (the handler's insert, BEGIN/COMMIT, the store's own); the redisStore row's two are Redis scripts (reserve, complete), not counted here, and postgresJsStore's go over postgres.js, not counted either.",
    ],
  };
  return { tables: [table], failures };
}

function push(map: Map<string, number[]>, key: string, value: number) {
  map.set(key, [...(map.get(key) ?? []), value]);
}

async function batch(candidate: StoreCandidate, count: number, concurrency: number, failures: string[]) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      const status = await candidate.deliver();
      if (status !== 200) failures.push(`stores: ${candidate.name} answered ${status}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
