import fc from 'fast-check';
import { type ReferenceApp, startReferenceApp } from '../../test/consistency/reference-app.js';
import { runScenario, scenarioArbitrary, startOthers, timing } from '../../test/consistency/scenario.js';
import type { SectionReport } from '../lib/report.js';
import type { SectionContext } from '../lib/section.js';

/**
 * Section 7 (issue 17): the consistency property at scale. The same random scenarios as
 * test/consistency (10 000 here, 50 with --quick), each played against the commit-aware reference app
 * and against one with plain on() handlers only; counts the scenarios where the app's users and
 * FusionAuth's committed users differ once everything settled, and those where a side effect ran twice.
 */
export async function consistencySection({ quick }: SectionContext): Promise<SectionReport> {
  const runs = Number(process.env.CONSISTENCY_RUNS ?? (quick ? 50 : 10_000));
  const seed = Number(process.env.CONSISTENCY_SEED ?? 20261207);
  const parallel = Number(process.env.CONSISTENCY_PARALLEL ?? 20);
  const truth = new Set<string>();
  const committed = (userId: string) => truth.has(userId);
  const apps: ReferenceApp[] = [
    await startReferenceApp({ flavour: 'commit-aware', ...timing, committed }),
    await startReferenceApp({ flavour: 'plain', ...timing, committed }),
  ];
  const others = await startOthers();
  const counts = apps.map(() => ({ divergent: 0, repeated: 0 }));
  const started = performance.now();
  try {
    const scenarios = fc.sample(scenarioArbitrary, { numRuns: runs, seed });
    for (let i = 0; i < scenarios.length; i += parallel) {
      await Promise.all(
        scenarios.slice(i, i + parallel).flatMap((scenario) =>
          apps.map(async (app, a) => {
            const result = await runScenario(scenario, app, others, truth);
            if (result.divergent.length > 0) (counts[a] as { divergent: number }).divergent++;
            if (result.repeated.length > 0) (counts[a] as { repeated: number }).repeated++;
          }),
        ),
      );
      if (i % 1000 === 0 && i > 0) console.error(`   consistency: ${i} of ${runs} scenarios`);
    }
  } finally {
    await Promise.all([...apps.map((app) => app.close()), others.close()]);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  const failures =
    (counts[0]?.divergent ?? 0) + (counts[0]?.repeated ?? 0) > 0
      ? [
          `consistency: the commit-aware app diverged in ${counts[0]?.divergent} and repeated an effect in ${counts[0]?.repeated} of ${runs} scenarios`,
        ]
      : [];
  return {
    tables: [
      {
        title: `Consistency: the app's users against FusionAuth's committed users (${runs} scenarios, seed ${seed}, ${seconds} s)`,
        columns: ['app', 'scenarios', 'divergent', 'a side effect twice'],
        rows: apps.map((app, a) => [
          app.flavour === 'commit-aware'
            ? 'on() + onCommit/onRollback (confirm from the API)'
            : 'plain on() only',
          String(runs),
          String(counts[a]?.divergent),
          String(counts[a]?.repeated),
        ]),
        notes: [
          `Read timeout ${timing.readTimeoutMs} ms, deadline ${timing.timeoutMs} ms, window ${timing.windowMs} ms; policies None…AbsoluteMajority; 1–5 webhooks at the app, 0–3 elsewhere (ok, 500, too slow); per user: latency 0/60/270/420 ms, signal honoured or not, veto 1 in 4, FusionAuth failing itself 1 in 5, every *.complete lost 1 in 4.`,
        ],
      },
    ],
    failures,
  };
}
