import type { Schema } from '../schema/schema.js';
import { checkOnly } from './check/check-only.js';
import { withoutPath } from './drop-path.js';
import { asSchemaNode, expand, type PathKey, type SchemaNode, walk } from './schema-walk.js';

/** A field that failed its schema: where, and why (never the value received). */
export interface SchemaIssue {
  readonly path: readonly PathKey[];
  readonly message: string;
}

export type Validation<T> =
  /** `issues`: the fields left out of `value` because they failed their schema (empty when none). */
  | { readonly ok: true; readonly value: T; readonly issues: readonly SchemaIssue[] }
  /** `issues`: what the delivery was refused for; `reason` summarises them in one line. */
  | { readonly ok: false; readonly reason: string; readonly issues: readonly SchemaIssue[] };

/**
 * `lenient`: refuse only when a field the provider always sends is wrong (a required field on a path
 * of required fields from the root); leave any other failing field out. `strict`: refuse on any issue.
 */
export type ValidationMode = 'lenient' | 'strict';

/** A zod issue as `safeParse` reports it (also what test doubles with only `safeParse` return). */
interface RawIssue {
  readonly code?: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly keys?: readonly string[];
  readonly errors?: readonly (readonly RawIssue[])[];
}

const noIssues: readonly SchemaIssue[] = Object.freeze([]);
/** Dropping can uncover new issues (checks that run only once the fields inside them are valid). */
const maxRounds = 50;

/**
 * Validates `value` with `schema`. A valid value costs one check-only pass and is returned as it is
 * (schemas that transform their input get one `safeParse` instead). Otherwise, in lenient mode, each
 * failing field is dropped from a copy of `value` (the deepest field on the issue's path that may be
 * absent; never an array item) and the copy is validated again, until it is valid or an issue has no
 * such field. `value` itself is never changed.
 */
export function validate<T>(
  schema: Schema<T>,
  value: unknown,
  type: string,
  mode: ValidationMode,
): Validation<T> {
  // Most deliveries are valid: check them without zod's copy and hand the event on as it is.
  if (checkOnly(schema)?.(value) === true) return { ok: true, value: value as T, issues: noIssues };
  const first = schema.safeParse(value);
  if (first.success) return { ok: true, value: first.data, issues: noIssues };
  const root = mode === 'lenient' ? asSchemaNode(schema) : undefined;
  const issues = first.error.issues as readonly RawIssue[];
  if (root === undefined) return refuse(type, issues.map(asSchemaIssue));
  return dropFailingFields(schema, root, value, type, issues);
}

function dropFailingFields<T>(
  schema: Schema<T>,
  root: SchemaNode,
  value: unknown,
  type: string,
  firstIssues: readonly RawIssue[],
): Validation<T> {
  const owned = new WeakSet<object>();
  const dropped: SchemaIssue[] = [];
  let current = value;
  let issues = firstIssues;
  for (let round = 0; round < maxRounds; round++) {
    const plan = planDrops(root, current, issues);
    if ('refused' in plan) return refuse(type, plan.refused);
    for (const drop of plan.drops) {
      current = withoutPath(current, drop.path, owned);
      dropped.push(drop);
    }
    const result = schema.safeParse(current);
    if (result.success) return { ok: true, value: result.data, issues: dropped };
    issues = result.error.issues as readonly RawIssue[];
  }
  return refuse(type, issues.map(asSchemaIssue));
}

type Plan = { readonly drops: readonly SchemaIssue[] } | { readonly refused: readonly SchemaIssue[] };

function planDrops(root: SchemaNode, value: unknown, issues: readonly RawIssue[]): Plan {
  const drops: SchemaIssue[] = [];
  const refused: SchemaIssue[] = [];
  for (const issue of issues) {
    const resolved = dropsFor(root, value, issue);
    if (resolved === undefined) refused.push(asSchemaIssue(issue));
    else drops.push(...resolved);
  }
  return refused.length > 0 ? { refused } : { drops: outermost(drops) };
}

/** The fields to drop so that `issue` goes away, or undefined when no field on its path may be absent. */
function dropsFor(root: SchemaNode, value: unknown, issue: RawIssue): SchemaIssue[] | undefined {
  const path = walkablePath(issue.path);
  if (path === undefined) return undefined;
  if (issue.code === 'unrecognized_keys' && issue.keys !== undefined && issue.keys.length > 0) {
    // A strict object named keys it does not allow: its own fields are fine, the extra keys go.
    return issue.keys.map((key) => ({ path: [...path, key], message: 'Unrecognized key' }));
  }
  const reached = walk(root, value, path);
  if (issue.code === 'invalid_union' && issue.errors !== undefined) {
    const inside = dropsInsideUnion(reached.schemas, reached.value, issue.errors);
    if (inside !== undefined) return inside.map((drop) => ({ ...drop, path: [...path, ...drop.path] }));
  }
  if (reached.droppable === 0) return undefined;
  const below = path.slice(reached.droppable);
  const message = below.length === 0 ? issue.message : `${below.join('.')}: ${issue.message}`;
  return [{ path: path.slice(0, reached.droppable), message }];
}

/**
 * An `invalid_union` issue carries each option's own issues. The option that becomes valid by dropping
 * the fewest fields inside the union value wins; undefined when no option can (then the union value
 * itself is the field to drop, if it may be absent).
 */
function dropsInsideUnion(
  schemas: readonly SchemaNode[],
  value: unknown,
  errors: readonly (readonly RawIssue[])[],
): SchemaIssue[] | undefined {
  let best: SchemaIssue[] | undefined;
  for (const union of schemas.flatMap((schema) => expand(schema, value, true))) {
    const options = union._zod.def.options;
    if (union._zod.def.type !== 'union' || options === undefined || options.length !== errors.length)
      continue;
    options.forEach((option, index) => {
      const drops = dropsForAll(option, value, errors[index] ?? []);
      if (drops !== undefined && (best === undefined || drops.length < best.length)) best = drops;
    });
  }
  return best;
}

function dropsForAll(
  root: SchemaNode,
  value: unknown,
  issues: readonly RawIssue[],
): SchemaIssue[] | undefined {
  if (issues.length === 0) return undefined;
  const drops: SchemaIssue[] = [];
  for (const issue of issues) {
    const resolved = dropsFor(root, value, issue);
    if (resolved === undefined) return undefined;
    drops.push(...resolved);
  }
  return outermost(drops);
}

/** One drop per field, and none inside a field that is dropped whole; in the order zod reported them. */
function outermost(drops: readonly SchemaIssue[]): SchemaIssue[] {
  const byDepth = [...drops].sort((a, b) => a.path.length - b.path.length); // stable: ties keep zod's order
  const keptPaths = new Set<string>();
  const kept = new Set<SchemaIssue>();
  for (const drop of byDepth) {
    let inside = false;
    for (let length = 1; length <= drop.path.length && !inside; length++) {
      inside = keptPaths.has(JSON.stringify(drop.path.slice(0, length)));
    }
    if (inside) continue;
    keptPaths.add(JSON.stringify(drop.path));
    kept.add(drop);
  }
  return drops.filter((drop) => kept.has(drop));
}

function walkablePath(path: readonly PropertyKey[]): PathKey[] | undefined {
  return path.every((key) => typeof key !== 'symbol') ? (path as PathKey[]) : undefined;
}

function asSchemaIssue(issue: RawIssue): SchemaIssue {
  return {
    path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
    message: issue.message,
  };
}

/** `invalid <type> event: <path>: <message>; …`, at most three issues, then how many more. */
function refuse(type: string, issues: readonly SchemaIssue[]): Validation<never> {
  const shown = issues.slice(0, 3).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(event)';
    return `${path}: ${issue.message}`;
  });
  const more = issues.length > 3 ? ` (+${issues.length - 3} more)` : '';
  return { ok: false, reason: `invalid ${type} event: ${shown.join('; ')}${more}`, issues };
}
