/**
 * The measure of the commit decision: in random scenarios (policies, several webhooks at the app,
 * others failing, handlers around the deadline and the read timeout, vetoes, FusionAuth failing itself,
 * lost *.complete deliveries), the app's users must equal FusionAuth's committed users once the dust
 * settled, and no side effect may run twice. The same scenarios are played against an app with plain
 * on() handlers only, whose divergences are reported, not asserted (the README quotes both). CI runs
 * CONSISTENCY_RUNS scenarios (default 24); `npm run bench -- --only consistency` runs 10 000.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReferenceApp, startReferenceApp } from './reference-app.js';
import {
  type Others,
  runScenario,
  type Scenario,
  scenarioArbitrary,
  startOthers,
  timing,
} from './scenario.js';

const runs = Number(process.env.CONSISTENCY_RUNS ?? 24);
const seed = Number(process.env.CONSISTENCY_SEED ?? 20261207);
/** Scenarios at once (each has its own users, so they do not interfere). */
const parallel = 6;

describe('the app agrees with what FusionAuth committed', () => {
  const truth = new Set<string>();
  let commitAware: ReferenceApp;
  let plain: ReferenceApp;
  let others: Others;

  beforeAll(async () => {
    const committed = (userId: string) => truth.has(userId);
    commitAware = await startReferenceApp({ flavour: 'commit-aware', ...timing, committed });
    plain = await startReferenceApp({ flavour: 'plain', ...timing, committed });
    others = await startOthers();
  });
  afterAll(async () => {
    await Promise.all([commitAware?.close(), plain?.close(), others?.close()]);
  });

  it(`in ${runs} random scenarios: onCommit/onRollback 0 divergences; plain on() reported beside it`, async () => {
    const scenarios = fc.sample(scenarioArbitrary, { numRuns: runs, seed });
    const failures: { scenario: Scenario; divergent: readonly string[]; repeated: readonly string[] }[] = [];
    let plainDivergent = 0;
    for (let i = 0; i < scenarios.length; i += parallel) {
      await Promise.all(
        scenarios.slice(i, i + parallel).map(async (scenario) => {
          const [aware, baseline] = await Promise.all([
            runScenario(scenario, commitAware, others, truth),
            runScenario(scenario, plain, others, truth),
          ]);
          if (aware.divergent.length > 0 || aware.repeated.length > 0) failures.push({ scenario, ...aware });
          if (baseline.divergent.length > 0) plainDivergent++;
        }),
      );
    }
    console.log(
      `consistency: ${runs} scenarios (seed ${seed}): commit-aware ${failures.length} divergent, plain on() ${plainDivergent} divergent`,
    );
    expect(failures, JSON.stringify(failures.slice(0, 3), null, 2)).toEqual([]);
  }, 600_000);
});
