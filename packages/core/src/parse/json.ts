/** Deeper than any real identity-provider payload; deeper input is refused instead of walked. */
export const maxJsonDepth = 64;

const decoder = new TextDecoder('utf-8', { fatal: true });

export type JsonResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly reason: string };

/**
 * JSON.parse, then one iterative walk that refuses prototype-polluting keys (`__proto__`,
 * `constructor.prototype`) and absurd nesting, so nothing downstream (merges, recursion in user
 * code or loggers) ever sees them. V8's JSON.parse itself is iterative, so deep input cannot crash it.
 */
export function parseJson(bytes: Uint8Array): JsonResult {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { ok: false, reason: 'body is not valid UTF-8' };
  }
  if (text.trim() === '') return { ok: false, reason: 'body is empty' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'body is not valid JSON' };
  }
  const problem = findHazard(value);
  return problem === undefined ? { ok: true, value } : { ok: false, reason: problem };
}

function findHazard(root: unknown): string | undefined {
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (typeof value !== 'object' || value === null) continue;
    if (depth > maxJsonDepth) return `body is nested deeper than ${maxJsonDepth} levels`;
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'object' && item !== null) stack.push([item, depth + 1]);
      continue;
    }
    for (const key of Object.keys(value)) {
      const child = (value as Record<string, unknown>)[key];
      if (key === '__proto__') return 'body contains a forbidden "__proto__" key';
      if (
        key === 'constructor' &&
        typeof child === 'object' &&
        child !== null &&
        Object.hasOwn(child, 'prototype')
      ) {
        return 'body contains a forbidden "constructor.prototype" key';
      }
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return undefined;
}
