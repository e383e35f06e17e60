// The check-only fast path of validate() must accept exactly what zod accepts, for every provider
// schema: every fixture, and every fixture with each field in turn given a value of another type.
import { describe, expect, it } from 'vitest';
import { checkOnly } from '../../packages/core/src/parse/check/check-only.js';
import { type EventFixture, fusionAuthFixtures, logtoFixtures } from './load-fixtures.js';
import { absent, allPaths, get, withField, wrongValues } from './mutate.js';

const fixtures: readonly EventFixture[] = [...fusionAuthFixtures(), ...logtoFixtures()];

describe.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('%s', (_name, fixture) => {
  it('every provider schema has a check-only form, and it agrees with zod on every mutation', () => {
    const check = checkOnly(fixture.schema as Parameters<typeof checkOnly>[0]);
    expect(check).toBeDefined();
    const verdicts = (value: unknown) => [check?.(value), fixture.schema.safeParse(value).success];
    expect(verdicts(fixture.event)).toEqual([true, true]);
    for (const path of allPaths(fixture.event)) {
      for (const wrong of [...wrongValues(get(fixture.event, path)), absent]) {
        const [fast, zod] = verdicts(withField(fixture.event, path, wrong));
        expect(fast, `${path.join('.')} = ${String(wrong)}`).toBe(zod);
      }
    }
  });
});
