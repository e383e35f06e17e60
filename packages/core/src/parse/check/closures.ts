import type { Plan } from './plan.js';

/** Whether a value passes a schema, without building anything. */
export type Check = (value: unknown) => boolean;

const always: Check = () => true;
const checks: Readonly<Record<'string' | 'number' | 'boolean', Check>> = {
  string: (value) => typeof value === 'string',
  boolean: (value) => typeof value === 'boolean',
  // zod refuses NaN and ±Infinity (JSON.parse turns 1e400 into Infinity).
  number: (value) => typeof value === 'number' && Number.isFinite(value),
};

/** The predicate of a plan as composed closures: for runtimes that forbid generating code (Workers). */
export function closureCheck(plan: Plan): Check {
  switch (plan.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return checks[plan.kind];
    case 'any':
      return always;
    case 'oneOf': {
      const set = new Set(plan.values);
      return (value) => set.has(value);
    }
    case 'optional': {
      const inner = closureCheck(plan.inner);
      return (value) => value === undefined || inner(value);
    }
    case 'nullable': {
      const inner = closureCheck(plan.inner);
      return (value) => value === null || inner(value);
    }
    case 'array': {
      const element = closureCheck(plan.element);
      return (value) => Array.isArray(value) && value.every((item) => element(item));
    }
    case 'record': {
      const entry = closureCheck(plan.value);
      return (value) => isPlainObject(value) && Object.values(value).every((item) => entry(item));
    }
    case 'object': {
      const fields = plan.fields.map(([key, field]) => [key, closureCheck(field)] as const);
      return (value) => {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
        const record = value as Record<string, unknown>;
        for (const [key, field] of fields) if (!field(record[key])) return false;
        return true;
      };
    }
    case 'union': {
      const options = plan.options.map(closureCheck);
      return (value) => options.some((option) => option(value));
    }
  }
}

/** zod's test for a record: an object whose prototype is Object's or null (every object JSON.parse makes). */
export function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
