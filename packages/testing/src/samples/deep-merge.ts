/**
 * What a caller may change in a sample: any field at any depth. Arrays are replaced as a whole, and
 * `undefined` removes a field (to test a payload without it).
 */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> | undefined }
    : T;

/** An object literal or JSON object, from any realm (Jest runs tests in their own `vm` context). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

/** A new object: `overrides` merged into a copy of `base` (objects merged, arrays and values replaced). */
export function deepMerge<T>(base: T, overrides: unknown): T {
  const result = structuredClone(base);
  if (overrides === undefined) return result;
  if (!isPlainObject(result) || !isPlainObject(overrides)) return structuredClone(overrides) as T;
  mergeInto(result, overrides);
  return result;
}

function mergeInto(target: Record<string, unknown>, overrides: Record<string, unknown>) {
  for (const [key, value] of Object.entries(overrides)) {
    // A sample is plain data: never let an override reach the prototype.
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    if (value === undefined) {
      delete target[key];
    } else if (isPlainObject(value) && isPlainObject(target[key])) {
      mergeInto(target[key], value);
    } else {
      target[key] = structuredClone(value);
    }
  }
}
