import { type Check, closureCheck, isPlainObject } from './closures.js';
import type { Plan } from './plan.js';

/**
 * The predicate of a plan as one generated function of straight-line checks: no call per field, no
 * allocation. Property names are written as JSON string literals and constants (literal and enum
 * values, union options) are passed in, never written into the code. Returns undefined where the
 * runtime forbids generating code (Cloudflare Workers, strict CSP), so the caller uses closures.
 */
export function generatedCheck(plan: Plan): Check | undefined {
  if (!canGenerate()) return undefined;
  const writer = new Writer();
  const body = writer.check(plan, 'value');
  const source = `return function check(value) {\n${body}return true;\n};`;
  try {
    return new Function('constants', 'isPlainObject', source)(writer.constants, isPlainObject) as Check;
  } catch {
    return undefined;
  }
}

let generationAllowed: boolean | undefined;

function canGenerate(): boolean {
  if (generationAllowed === undefined) {
    try {
      generationAllowed = new Function('return true')() === true;
    } catch {
      generationAllowed = false;
    }
  }
  return generationAllowed;
}

class Writer {
  readonly constants: unknown[] = [];
  #names = 0;

  /** Statements that `return false` when `input` (an expression naming a local) does not pass `plan`. */
  check(plan: Plan, input: string): string {
    switch (plan.kind) {
      case 'string':
      case 'boolean':
        return `if (typeof ${input} !== "${plan.kind}") return false;\n`;
      case 'number':
        return `if (typeof ${input} !== "number" || !Number.isFinite(${input})) return false;\n`;
      case 'any':
        return '';
      case 'oneOf':
        return `if (!${this.#constant(new Set(plan.values))}.has(${input})) return false;\n`;
      case 'optional':
        return this.#unless(`${input} !== undefined`, plan.inner, input);
      case 'nullable':
        return this.#unless(`${input} !== null`, plan.inner, input);
      case 'array': {
        const index = this.#name('i');
        const item = this.#name('v');
        return (
          `if (!Array.isArray(${input})) return false;\n` +
          `for (let ${index} = 0; ${index} < ${input}.length; ${index}++) {\n` +
          `const ${item} = ${input}[${index}];\n${this.check(plan.element, item)}}\n`
        );
      }
      case 'record': {
        const key = this.#name('k');
        const item = this.#name('v');
        return (
          `if (!isPlainObject(${input})) return false;\n` +
          `for (const ${key} in ${input}) {\n` +
          `if (!Object.hasOwn(${input}, ${key})) continue;\n` +
          `const ${item} = ${input}[${key}];\n${this.check(plan.value, item)}}\n`
        );
      }
      case 'object': {
        let out = `if (typeof ${input} !== "object" || ${input} === null || Array.isArray(${input})) return false;\n`;
        for (const [key, field] of plan.fields) {
          const item = this.#name('v');
          const statements = this.check(field, item);
          if (statements !== '')
            out += `{\nconst ${item} = ${input}[${JSON.stringify(key)}];\n${statements}}\n`;
        }
        return out;
      }
      case 'union':
        return `if (!${this.#constant(closureCheck(plan))}(${input})) return false;\n`;
    }
  }

  #unless(condition: string, inner: Plan, input: string): string {
    const statements = this.check(inner, input);
    return statements === '' ? '' : `if (${condition}) {\n${statements}}\n`;
  }

  #constant(value: unknown): string {
    this.constants.push(value);
    return `constants[${this.constants.length - 1}]`;
  }

  #name(prefix: string): string {
    return `${prefix}${this.#names++}`;
  }
}
