import { isPlainObject, type PathKey } from './schema-walk.js';

/**
 * `root` without the field at `path`, leaving `root` untouched: the containers along the path are
 * copied (once: copies are remembered in `owned` and edited in place after that), everything else is
 * shared. The last key must name an own property of a plain object; the keys before it, containers.
 */
export function withoutPath(root: unknown, path: readonly PathKey[], owned: WeakSet<object>): unknown {
  if (path.length === 0) return root;
  const copy = ownCopy(root, owned);
  let container: Record<PathKey, unknown> = copy;
  for (let depth = 0; depth < path.length - 1; depth++) {
    const key = path[depth] as PathKey;
    const child = ownCopy(container[key], owned);
    // defineProperty, not assignment: a key named "__proto__" must stay an own data property.
    Object.defineProperty(container, key, {
      value: child,
      writable: true,
      enumerable: true,
      configurable: true,
    });
    container = child;
  }
  delete container[path[path.length - 1] as PathKey];
  return copy;
}

function ownCopy(value: unknown, owned: WeakSet<object>): Record<PathKey, unknown> {
  if (Array.isArray(value)) {
    if (owned.has(value)) return value as unknown as Record<PathKey, unknown>;
    const copy = value.slice();
    owned.add(copy);
    return copy as unknown as Record<PathKey, unknown>;
  }
  if (!isPlainObject(value))
    throw new TypeError('withoutPath: the path does not lead through objects and arrays');
  if (owned.has(value)) return value;
  const copy = { ...value };
  owned.add(copy);
  return copy;
}
