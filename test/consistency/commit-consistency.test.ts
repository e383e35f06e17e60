/**
 * The measure of the commit decision: in random scenarios (policies, several webhooks at the app,
 * others failing, handlers around the deadline and the read timeout, vetoes, FusionAuth failing itself,
 * lost *.complete deliveries), the app's users must equal FusionAuth's committed users once the dust
 * settled, and no side effect may run twice. The same scenarios are played against an app with plain
 * on() handlers only, whose divergences are reported, not asserted (the README quotes both). Then the
 * same with a Redis store, two receiver instances taking the requests in turn, and a redeploy after one
 * of the operations. CI runs CONSISTENCY_RUNS scenarios (default 24, and half that many on Redis);
 * `npm run bench -- --only consistency` runs 10 000.
 */
import { randomUUID } from 'node:crypto';
import { redisStore } from '@authhooks/redis';
import fc from 'fast-check';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeWithRedis, type RedisServer, startRedisServer } from '../support/redis-server.js';
import { type ReferenceApp, type ReferenceAppOptions, startReferenceApp } from './reference-app.js';
import {
  type Others,
  restartingScenarioArbitrary,
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

/** Plays `scenarios` against both apps, `parallel` at a time; the commit-aware app's failures, and the plain app's divergent count. */
async function play(
  scenarios: readonly Scenario[],
  commitAware: ReferenceApp,
  plain: ReferenceApp,
  others: Others,
  truth: Set<string>,
) {
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
  return { failures, plainDivergent };
}

describe('the app agrees with what FusionAuth committed (memoryStore, one instance)', () => {
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
    const { failures, plainDivergent } = await play(scenarios, commitAware, plain, others, truth);
    console.log(
      `consistency: ${runs} scenarios (seed ${seed}): commit-aware ${failures.length} divergent, plain on() ${plainDivergent} divergent`,
    );
    expect(failures, JSON.stringify(failures.slice(0, 3), null, 2)).toEqual([]);
  }, 600_000);
});

describeWithRedis(
  'the app agrees with what FusionAuth committed (redisStore, two instances, a redeploy mid-way)',
  () => {
    const truth = new Set<string>();
    let redis: RedisServer;
    const clients: Redis[] = [];
    let commitAware: ReferenceApp;
    let plain: ReferenceApp;
    let others: Others;

    beforeAll(async () => {
      redis = await startRedisServer();
      for (let i = 0; i < 2; i++) clients.push(new Redis(redis.url, { maxRetriesPerRequest: 1 }));
      const committed = (userId: string) => truth.has(userId);
      const onRedis = (): NonNullable<ReferenceAppOptions['stores']> => {
        const prefix = `consistency:${randomUUID()}:`;
        return () => clients.map((client) => redisStore({ client, prefix }));
      };
      commitAware = await startReferenceApp({
        flavour: 'commit-aware',
        ...timing,
        committed,
        stores: onRedis(),
      });
      plain = await startReferenceApp({ flavour: 'plain', ...timing, committed, stores: onRedis() });
      others = await startOthers();
    });
    afterAll(async () => {
      await Promise.all([commitAware?.close(), plain?.close(), others?.close()]);
      for (const client of clients) client.disconnect();
      await redis?.stop();
    });

    it(`in ${Math.ceil(runs / 2)} random scenarios with a redeploy: onCommit/onRollback 0 divergences`, async () => {
      const scenarios = fc.sample(restartingScenarioArbitrary, {
        numRuns: Math.ceil(runs / 2),
        seed: seed + 1,
      });
      const { failures, plainDivergent } = await play(scenarios, commitAware, plain, others, truth);
      console.log(
        `consistency (Redis, 2 instances, redeploys): ${scenarios.length} scenarios: commit-aware ${failures.length} divergent, plain on() ${plainDivergent} divergent`,
      );
      expect(failures, JSON.stringify(failures.slice(0, 3), null, 2)).toEqual([]);
    }, 600_000);
  },
);
