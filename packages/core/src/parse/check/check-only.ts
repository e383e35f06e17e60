import type { Check } from './closures.js';
import { closureCheck } from './closures.js';
import { generatedCheck } from './codegen.js';
import { planOf } from './plan.js';

export type { Check } from './closures.js';

const compiled = new WeakMap<object, Check | null>();

/**
 * A predicate that accepts exactly what `schema` accepts, for schemas whose output is their input
 * (loose objects, primitives, literals, enums, arrays, records, unions, optional, nullable). zod
 * builds a copy of every object it validates; for a valid event that copy is pure cost, so the
 * pipeline checks with this first and hands the event on as it is. Undefined when the schema uses
 * anything that changes or refines its input: zod then does all the work, as it does for every value
 * this predicate refuses. Compiled once per schema, to generated code where the runtime allows it.
 */
export function checkOnly(schema: object): Check | undefined {
  let check = compiled.get(schema);
  if (check === undefined) {
    const plan = planOf(schema);
    check = plan === undefined ? null : (generatedCheck(plan) ?? closureCheck(plan));
    compiled.set(schema, check);
  }
  return check ?? undefined;
}
