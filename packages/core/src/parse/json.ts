/** Deeper than any real identity-provider payload; deeper input is refused instead of walked. */
export const maxJsonDepth = 64;

const decoder = new TextDecoder('utf-8', { fatal: true });

export type JsonResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly reason: string };

/**
 * Strict UTF-8 (a leading BOM is ignored, as RFC 8259 allows), JSON.parse, then a check that refuses
 * prototype-polluting keys (`__proto__`, `constructor.prototype`) and absurd nesting, so nothing
 * downstream (merges, recursion in user code, loggers, JSON.stringify) ever sees them.
 */
export function parseJson(bytes: Uint8Array): JsonResult {
  const text = decode(bytes);
  if (text === undefined) return { ok: false, reason: 'body is not valid UTF-8' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: text.trim() === '' ? 'body is empty' : 'body is not valid JSON' };
  }
  // Without these substrings no key can be a hazard, and with few brackets nothing can be deep:
  // the common case skips the walk entirely.
  const keysSafe = !text.includes('__proto__') && !text.includes('constructor') && !text.includes('\\u');
  if (keysSafe && bracketCount(text) <= maxJsonDepth) return { ok: true, value };
  const problem = findHazard(value);
  return problem === undefined ? { ok: true, value } : { ok: false, reason: problem };
}

/** The same checks for a value some framework parsed already (Express behind `express.json()`). */
export function checkParsed(value: unknown): string | undefined {
  return findHazard(value);
}

/** Strict UTF-8; a leading BOM is dropped (TextDecoder's default). */
function decode(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

function bracketCount(text: string): number {
  let count = 0;
  for (let at = text.indexOf('{'); at !== -1 && count <= maxJsonDepth; at = text.indexOf('{', at + 1))
    count++;
  for (let at = text.indexOf('['); at !== -1 && count <= maxJsonDepth; at = text.indexOf('[', at + 1))
    count++;
  return count;
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
