import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { type SchemaIssue, validate } from '../../packages/core/src/parse/validate.js';
import { type EventFixture, fusionAuthFixtures, logtoFixtures } from './load-fixtures.js';
import { absent, allPaths, get, hasPath, type Path, withField, wrongValues } from './mutate.js';

// For every field of every provider fixture, at every depth: give it a value of the wrong type and check
// the validation policy (DESIGN.md). What counts as optional is asked of the schema itself, by parsing
// (not by reading its definition as validate() does): a field is optional when the event still parses
// with that field set to undefined. Array items are never optional: dropping one would lose data.

interface Outcome {
  readonly problems: string[];
  optional: number;
  required: number;
  /** Fields the schema accepts any value for (free-form `data`, unknown fields of loose objects). */
  unchecked: number;
}

const show = (path: Path) => (path.length === 0 ? '(event)' : path.join('.'));
const shown = (issues: readonly SchemaIssue[]) =>
  issues.map((issue) => show(issue.path)).join(', ') || 'none';

function mutateEveryField({ event, schema, type }: EventFixture): Outcome {
  const outcome: Outcome = { problems: [], optional: 0, required: 0, unchecked: 0 };
  const parses = (value: unknown) => schema.safeParse(value).success;
  const optional = new Map<string, boolean>();
  const isOptional = (path: Path) => {
    const key = JSON.stringify(path);
    let known = optional.get(key);
    if (known === undefined) {
      known = !Array.isArray(get(event, path.slice(0, -1))) && parses(withField(event, path, undefined));
      optional.set(key, known);
    }
    return known;
  };

  for (const path of allPaths(event)) {
    const mutated = wrongValues(get(event, path))
      .map((wrong) => withField(event, path, wrong))
      .find((candidate) => !parses(candidate));
    if (mutated === undefined) {
      outcome.unchecked++;
      continue;
    }
    const before = structuredClone(mutated);
    const lenient = validate(schema, mutated, type, 'lenient');
    const strict = validate(schema, mutated, type, 'strict');
    const problem = (text: string) => outcome.problems.push(`${show(path)}: ${text}`);
    if (!isDeepStrictEqual(mutated, before)) problem('validate() changed its input');
    if (strict.ok) problem('strict mode accepted a wrong type');

    let dropAt: Path | undefined;
    for (let length = path.length; length > 0 && dropAt === undefined; length--) {
      if (isOptional(path.slice(0, length))) dropAt = path.slice(0, length);
    }
    if (dropAt === undefined) {
      outcome.required++;
      if (lenient.ok) problem(`required, yet lenient mode accepted it (dropped: ${shown(lenient.issues)})`);
      else if (shown(lenient.issues) !== show(path)) problem(`refused for ${shown(lenient.issues)}`);
      else if (!lenient.reason.startsWith(`invalid ${type} event: ${show(path)}: `)) problem(lenient.reason);
      continue;
    }
    outcome.optional++;
    if (!lenient.ok) {
      problem(`lenient mode refused: ${lenient.reason}`);
      continue;
    }
    if (shown(lenient.issues) !== show(dropAt))
      problem(`expected ${show(dropAt)} reported, got ${shown(lenient.issues)}`);
    if (hasPath(lenient.value, dropAt)) problem(`${show(dropAt)} is still in the typed event`);
    const expected = schema.parse(withField(event, dropAt, absent));
    if (!isDeepStrictEqual(lenient.value, expected)) problem(`the other fields differ from the valid parse`);
  }
  return outcome;
}

describe.each([
  ['FusionAuth', fusionAuthFixtures()],
  ['Logto', logtoFixtures()],
])('%s fixtures, one field of the wrong type at a time', (_provider, fixtures) => {
  it.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('%s', (_name, fixture) => {
    const valid = validate(fixture.schema, fixture.event, fixture.type, 'lenient');
    expect(valid).toMatchObject({ ok: true, issues: [] });

    const outcome = mutateEveryField(fixture);
    expect(outcome.problems).toEqual([]);
    expect(outcome.optional).toBeGreaterThan(0);
    expect(outcome.required).toBeGreaterThan(0);
  });
});
