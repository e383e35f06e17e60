import { asSchemaNode, type SchemaNode } from '../schema-walk.js';

/**
 * What a value must be to pass a schema, for schemas whose output is their input: the part of zod's
 * definition a check-only predicate needs, and nothing that would change the value.
 */
export type Plan =
  | { readonly kind: 'string' | 'number' | 'boolean' | 'any' }
  | { readonly kind: 'oneOf'; readonly values: readonly unknown[] }
  | { readonly kind: 'optional' | 'nullable'; readonly inner: Plan }
  | { readonly kind: 'array'; readonly element: Plan }
  | { readonly kind: 'record'; readonly value: Plan }
  | { readonly kind: 'object'; readonly fields: readonly (readonly [string, Plan])[] }
  | { readonly kind: 'union'; readonly options: readonly Plan[] };

interface Def {
  readonly type: string;
  readonly checks?: readonly unknown[];
  readonly coerce?: boolean;
  readonly values?: readonly unknown[];
  readonly entries?: Readonly<Record<string, unknown>>;
  readonly innerType?: SchemaNode;
  readonly element?: SchemaNode;
  readonly keyType?: SchemaNode;
  readonly valueType?: SchemaNode;
  readonly shape?: Readonly<Record<string, SchemaNode>>;
  readonly catchall?: SchemaNode;
  readonly options?: readonly SchemaNode[];
}

const maxDepth = 64;

/**
 * The plan of a zod 4 schema, or undefined when it uses anything that changes or refines its input
 * (transforms, defaults, catches, checks, coercion, objects that strip or refuse unknown keys, lazy
 * recursion): zod must then do the work itself.
 */
export function planOf(schema: unknown): Plan | undefined {
  const node = asSchemaNode(schema);
  return node && plan(node, 0);
}

function plan(node: SchemaNode, depth: number): Plan | undefined {
  if (depth > maxDepth) return undefined;
  const def = node._zod.def as Def;
  if ((def.checks?.length ?? 0) > 0 || def.coerce === true) return undefined;
  const inner = (child: SchemaNode | undefined) => (child === undefined ? undefined : plan(child, depth + 1));
  switch (def.type) {
    case 'string':
    case 'number':
    case 'boolean':
      return { kind: def.type };
    case 'unknown':
    case 'any':
      return { kind: 'any' };
    case 'literal':
      return def.values?.length ? { kind: 'oneOf', values: def.values } : undefined;
    case 'enum': {
      const values = Object.values(def.entries ?? {});
      return values.length > 0 ? { kind: 'oneOf', values } : undefined;
    }
    case 'optional':
    case 'nullable': {
      const wrapped = inner(def.innerType);
      return wrapped && { kind: def.type, inner: wrapped };
    }
    case 'array': {
      const element = inner(def.element);
      return element && { kind: 'array', element };
    }
    case 'record': {
      const key = def.keyType?._zod.def as Def | undefined;
      if (key?.type !== 'string' || (key.checks?.length ?? 0) > 0) return undefined;
      const value = inner(def.valueType);
      return value && { kind: 'record', value };
    }
    case 'object': {
      // Only loose objects keep unknown keys as they are; a stripping or strict object changes or refuses them.
      const catchall = def.catchall?._zod.def.type;
      if (catchall !== 'unknown' && catchall !== 'any') return undefined;
      const fields: (readonly [string, Plan])[] = [];
      for (const [key, field] of Object.entries(def.shape ?? {})) {
        const planned = inner(field);
        if (planned === undefined) return undefined;
        fields.push([key, planned]);
      }
      return { kind: 'object', fields };
    }
    case 'union': {
      const options = (def.options ?? []).map(inner);
      if (options.length === 0 || options.some((option) => option === undefined)) return undefined;
      return { kind: 'union', options: options as Plan[] };
    }
    default:
      return undefined;
  }
}
