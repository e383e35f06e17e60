/** Helpers to change one field of a JSON value at a time, always on a fresh copy. */

export type Path = readonly (string | number)[];

/** Every path to a value inside `value` (not the root), parents before children. */
export function allPaths(value: unknown, prefix: Path = []): Path[] {
  const children: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : typeof value === 'object' && value !== null
      ? Object.entries(value)
      : [];
  return children.flatMap(([key, child]) => {
    const path = [...prefix, key];
    return [path, ...allPaths(child, path)];
  });
}

export function get(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((current, key) => (current as Record<string | number, unknown>)[key], value);
}

/** A deep copy of `value` with the field at `path` set to `replacement`, or removed when it is `absent`. */
export function withField(value: unknown, path: Path, replacement: unknown | typeof absent): unknown {
  const copy = structuredClone(value);
  const parent = get(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  const key = path[path.length - 1] as string | number;
  if (replacement === absent) delete parent[key];
  else parent[key] = replacement;
  return copy;
}

export const absent: unique symbol = Symbol('absent');

/** Values of another JSON type than `value`'s, the most natural first (a string → 42, an object → "x"…). */
export function wrongValues(value: unknown): unknown[] {
  if (typeof value === 'string') return [42, {}];
  if (typeof value === 'number') return ['x', {}];
  if (typeof value === 'boolean') return ['x', 42];
  if (Array.isArray(value)) return [{}, 'x'];
  if (value === null) return [42, 'x', {}, []];
  return ['x', 42, []];
}

export function hasPath(value: unknown, path: Path): boolean {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return false;
    current = (current as Record<string | number, unknown>)[key];
  }
  return true;
}
