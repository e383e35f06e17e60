import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkOnly } from '../src/parse/check/check-only.js';

/** Values shaped like `sample` at every depth, with random JSON (and NaN/±Infinity) swapped in anywhere. */
function around(sample: unknown): fc.Arbitrary<unknown> {
  const leaf = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, undefined, null),
  );
  if (Array.isArray(sample)) {
    return fc.oneof(leaf, fc.array(sample.length > 0 ? around(sample[0]) : leaf, { maxLength: 4 }));
  }
  if (typeof sample === 'object' && sample !== null) {
    const fields = Object.fromEntries(Object.entries(sample).map(([key, value]) => [key, around(value)]));
    return fc.oneof(
      { weight: 1, arbitrary: leaf },
      { weight: 4, arbitrary: fc.record(fields, { requiredKeys: [] }) },
    );
  }
  return fc.oneof(fc.constant(sample), leaf);
}

const user = z.looseObject({
  id: z.string(),
  email: z.string().nullish(),
  age: z.number().nullish(),
  active: z.boolean().optional(),
  tags: z.array(z.string()).nullish(),
  data: z.record(z.string(), z.unknown()).nullish(),
  role: z.enum(['admin', 'member']).nullish(),
  kind: z.literal('person').optional(),
  nested: z.looseObject({ city: z.string(), zip: z.number().nullable() }).optional(),
  either: z.union([z.string(), z.looseObject({ code: z.number() })]).optional(),
});
const sample = {
  id: 'u',
  email: 'a@b.c',
  age: 3,
  active: true,
  tags: ['x'],
  data: { any: 1 },
  role: 'admin',
  kind: 'person',
  nested: { city: 'c', zip: 1 },
  either: { code: 1 },
};

describe('checkOnly', () => {
  it('accepts exactly what zod accepts (10 000 generated values around a valid one)', () => {
    const check = checkOnly(user);
    expect(check).toBeDefined();
    fc.assert(
      fc.property(around(sample), (value) => {
        expect(check?.(value)).toBe(user.safeParse(value).success);
      }),
      { numRuns: 10_000 },
    );
  });

  it('refuses what zod refuses that JSON can produce: Infinity from 1e400, arrays for objects', () => {
    const check = checkOnly(user);
    expect(check?.(JSON.parse('{"id":"u","age":1e400}'))).toBe(false);
    expect(check?.([])).toBe(false);
    expect(check?.({ id: 'u', data: [] })).toBe(false);
  });

  it('declines schemas whose output is not their input, so zod does the work', () => {
    expect(checkOnly(z.object({ id: z.string() }))).toBeUndefined(); // strips unknown keys
    expect(checkOnly(z.strictObject({ id: z.string() }))).toBeUndefined();
    expect(checkOnly(z.looseObject({ id: z.string().min(1) }))).toBeUndefined(); // a refinement
    expect(checkOnly(z.looseObject({ n: z.string().transform(Number) }))).toBeUndefined();
    expect(checkOnly(z.looseObject({ n: z.number().default(1) }))).toBeUndefined();
    expect(checkOnly(z.looseObject({ n: z.coerce.number() }))).toBeUndefined();
  });

  it('compiles each schema once', () => {
    expect(checkOnly(user)).toBe(checkOnly(user));
  });
});
