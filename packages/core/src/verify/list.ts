/** Normalises the "one value or several, for rotation" option shape and refuses empty values. */
export function nonEmptyList<T>(value: T | readonly T[] | undefined, what: string): readonly T[] {
  const list = value === undefined ? [] : Array.isArray(value) ? (value as readonly T[]) : [value as T];
  if (list.length === 0) throw new TypeError(`authhooks: ${what} needs at least one value.`);
  for (const item of list) {
    if (item === '' || item === null || item === undefined) {
      throw new TypeError(`authhooks: ${what} contains an empty value; remove it or set the real secret.`);
    }
  }
  return list;
}
