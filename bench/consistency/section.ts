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
  const counts = apps.map(() => ({ divergent: 0, repeated: 0, unseen: 0 }));
  const started = performance.now();
  let reported = 0;
  try {
    const scenarios = fc.sample(scenarioArbitrary, { numRuns: runs, seed });
    for (let i = 0; i < scenarios.length; i += parallel) {
      await Promise.all(
        scenarios.slice(i, i + parallel).flatMap((scenario) =>
          apps.map(async (app, a) => {
            const result = await runScenario(scenario, app, others, truth);
            const count = counts[a] as { divergent: number; unseen: number };
            if (result.divergent.length > 0) count.divergent++;
            // Every divergent user's announcing delivery never reached the app: nothing a receiver can do.
            if (result.divergent.length > 0 && result.unseen.length === result.divergent.length)
              count.unseen++;
            if (a === 0 && Object.keys(result.traces).length > 0 && reported++ < 20) {
              console.error(`   commit-aware divergence: ${JSON.stringify(scenario)}`);
              for (const [user, lines] of Object.entries(result.traces))
                console.error(`     ${user}:\n       ${lines.join('\n       ')}`);
            }
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
  const aware = counts[0] as { divergent: number; repeated: number; unseen: number };
  const failures =
    aware.divergent - aware.unseen + aware.repeated > 0
      ? [
          `consistency: the commit-aware app diverged in ${aware.divergent - aware.unseen} scenarios on events it received and repeated an effect in ${aware.repeated} of ${runs} scenarios`,
        ]
      : [];
  return {
    tables: [
      {
        title: `Consistency: the app's users against FusionAuth's committed users (${runs} scenarios, seed ${seed}, ${seconds} s)`,
        columns: ['app', 'scenarios', 'divergent', 'of them, never received', 'a side effect twice'],
        rows: apps.map((app, a) => [
          app.flavour === 'commit-aware'
            ? 'on() + onCommit/onRollback (confirm from the API)'
            : 'plain on() only',
          String(runs),
          String(counts[a]?.divergent),
          String(counts[a]?.unseen),
          String(counts[a]?.repeated),
        ]),
        notes: [
          `Read timeout ${timing.readTimeoutMs} ms, deadline ${timing.timeoutMs} ms, window ${timing.windowMs} ms; policies None…AbsoluteMajority; 1–5 webhooks at the app, 0–3 elsewhere (ok, 500, too slow); per user: latency 0/60/270/420 ms, signal honoured or not, veto 1 in 4, FusionAuth failing itself 1 in 5, every *.complete lost 1 in 4.`,
          '"Never received": every user that diverged had no `user.create` reach the app at all (each attempt failed to connect or was cut before an answer, and FusionAuth does not retry); no receiver can act on it, catching up from the Event Log can.',
        ],
      },
    ],
    failures,
  };
}
