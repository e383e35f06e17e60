// Reads a zod 4 schema's definition (`schema._zod.def`) to learn, for a path into a value, which
// fields on that path the schema lets be absent. Duck-typed on the definition, so it works with any
// copy of zod 4 a provider package bundles; anything it does not recognise ends the walk early, which
// can only make the caller drop a shallower field or refuse the delivery, never keep a bad value.

export type PathKey = string | number;

/** The parts of a zod 4 schema this walk reads. */
export interface SchemaNode {
  readonly _zod: {
    readonly def: SchemaDef;
    /** Set when a containing object may omit the field (optional, nullish, default, …). */
    readonly optin?: string | undefined;
    /** Discriminator values of an object option (zod uses them for discriminated unions). */
    readonly propValues?: Readonly<Record<string, ReadonlySet<unknown>>> | undefined;
    /** A lazy schema's resolved schema, once zod has resolved it. */
    readonly innerType?: SchemaNode | undefined;
  };
}

interface SchemaDef {
  readonly type: string;
  readonly shape?: Readonly<Record<string, SchemaNode>>;
  readonly catchall?: SchemaNode | undefined;
  readonly element?: SchemaNode;
  readonly valueType?: SchemaNode;
  readonly innerType?: SchemaNode;
  readonly in?: SchemaNode;
  readonly out?: SchemaNode;
  readonly options?: readonly SchemaNode[];
  readonly discriminator?: string;
  readonly left?: SchemaNode;
  readonly right?: SchemaNode;
  readonly items?: readonly SchemaNode[];
  readonly rest?: SchemaNode | null;
  readonly getter?: () => SchemaNode;
}

/** A zod 4 schema (anything with a `_zod.def.type`); other `safeParse` objects cannot be walked. */
export function asSchemaNode(schema: unknown): SchemaNode | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  const internals = (schema as { _zod?: { def?: { type?: unknown } } })._zod;
  return typeof internals?.def?.type === 'string' ? (schema as SchemaNode) : undefined;
}

/** Wrappers whose structure is their `innerType`. */
const wrappers = new Set([
  'optional',
  'nullable',
  'default',
  'prefault',
  'catch',
  'readonly',
  'nonoptional',
  'success',
]);

const maxExpansion = 64;

/**
 * The structural schemas `node` stands for at `value`: wrappers, lazies and pipes unwrapped, unions
 * split into the options that could hold `value` (a discriminated union into the option its
 * discriminator names, when it names one), intersections into both sides. With `keepUnions`, unions
 * are returned whole instead (to read an `invalid_union` issue against its options).
 */
export function expand(node: SchemaNode, value: unknown, keepUnions = false): SchemaNode[] {
  const found: SchemaNode[] = [];
  const seen = new Set<SchemaNode>();
  const pending = [node];
  while (pending.length > 0 && seen.size < maxExpansion) {
    const current = pending.pop() as SchemaNode;
    if (seen.has(current)) continue;
    seen.add(current);
    const def = current._zod.def;
    if (wrappers.has(def.type) && def.innerType !== undefined) {
      pending.push(def.innerType);
    } else if (def.type === 'lazy') {
      const inner = current._zod.innerType ?? def.getter?.();
      if (inner !== undefined) pending.push(inner);
    } else if (def.type === 'pipe' && def.in !== undefined) {
      // A preprocess pipe's input is a bare function: the structure the issues speak of is its output.
      const input = def.in;
      pending.push(input._zod.def.type === 'transform' && def.out !== undefined ? def.out : input);
    } else if (def.type === 'union' && def.options !== undefined && !keepUnions) {
      pending.push(...optionsFor(def, value));
    } else if (def.type === 'intersection' && def.left !== undefined && def.right !== undefined) {
      pending.push(def.left, def.right);
    } else {
      found.push(current);
    }
  }
  return found;
}

function optionsFor(def: SchemaDef, value: unknown): readonly SchemaNode[] {
  const options = def.options ?? [];
  const key = def.discriminator;
  if (key === undefined || !isPlainObject(value)) return options;
  const named = options.filter((option) => option._zod.propValues?.[key]?.has(value[key]) === true);
  return named.length > 0 ? named : options;
}

export interface Child {
  readonly schema: SchemaNode;
  /** Whether the container accepts the child being absent (so dropping it is allowed). */
  readonly droppable: boolean;
}

/** The schema of `key` inside the structural schema `node`; array and tuple items are never droppable. */
export function childAt(node: SchemaNode, key: PathKey): Child | undefined {
  const def = node._zod.def;
  switch (def.type) {
    case 'object': {
      if (typeof key === 'string' && def.shape !== undefined && Object.hasOwn(def.shape, key)) {
        const schema = def.shape[key] as SchemaNode;
        return { schema, droppable: schema._zod.optin !== undefined };
      }
      const catchall = def.catchall;
      return catchall === undefined
        ? undefined
        : { schema: catchall, droppable: catchall._zod.optin !== undefined };
    }
    case 'record':
      // A record entry is a member of a collection, like an array item: dropped only when its value
      // schema itself accepts absence; otherwise the record as a whole is the field that goes.
      return def.valueType === undefined
        ? undefined
        : { schema: def.valueType, droppable: def.valueType._zod.optin !== undefined };
    case 'array':
      return typeof key === 'number' && def.element !== undefined
        ? { schema: def.element, droppable: false }
        : undefined;
    case 'tuple': {
      if (typeof key !== 'number') return undefined;
      const item = def.items?.[key] ?? def.rest ?? undefined;
      return item === undefined ? undefined : { schema: item, droppable: false };
    }
    default:
      return undefined;
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `key` of `container`, or undefined when it has none (own properties only). */
export function valueAt(container: unknown, key: PathKey): unknown {
  if (Array.isArray(container)) return typeof key === 'number' ? container[key] : undefined;
  if (isPlainObject(container) && Object.hasOwn(container, key)) return container[key];
  return undefined;
}

export interface Walk {
  /** Length of the longest prefix of the path that is a droppable field present in the value; 0 when none. */
  readonly droppable: number;
  /** The schemas that can hold the end of the path, unexpanded (empty when the walk stopped early). */
  readonly schemas: readonly SchemaNode[];
  /** The value at the end of the path (undefined when absent). */
  readonly value: unknown;
}

/**
 * Walks `path` through `root` and `value` together. A prefix counts as droppable when any schema that
 * can hold it lets it be absent and the value actually has it: dropping an absent field changes nothing.
 */
export function walk(root: SchemaNode, value: unknown, path: readonly PathKey[]): Walk {
  let schemas: readonly SchemaNode[] = [root];
  let current = value;
  let droppable = 0;
  for (let depth = 0; depth < path.length; depth++) {
    const key = path[depth] as PathKey;
    const holders = schemas.flatMap((schema) => expand(schema, current));
    const children = holders.map((node) => childAt(node, key)).filter((child) => child !== undefined);
    if (children.length === 0) return { droppable, schemas: [], value: undefined };
    const present = isPlainObject(current) && Object.hasOwn(current, key);
    if (present && children.some((child) => child.droppable)) droppable = depth + 1;
    current = valueAt(current, key);
    schemas = children.map((child) => child.schema);
  }
  return { droppable, schemas, value: current };
}
