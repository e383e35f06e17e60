/**
 * Prints TypeScript declarations (interfaces and type aliases) equal to the output types of zod 4
 * schemas, for the providers' generators. Published `.d.ts` files then name these interfaces instead of
 * expanding zod's generic types, which is what makes a user's type-check slow. Reads the schema
 * definitions (`schema._zod.def`, duck-typed: the providers bring their own zod); a kind it does not
 * know is an error, never a silent `unknown`.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The parts of a zod 4 schema the printer reads. */
export interface Schema {
  readonly _zod: { readonly def: object; readonly optout?: 'optional' | undefined };
  /** zod's getter for the description in its global registry (`.describe()`, `.meta()`). */
  readonly description?: string | undefined;
}

export interface Declaration {
  readonly name: string;
  readonly schema: Schema;
  /** JSDoc for the declaration; defaults to the schema's own description. */
  readonly description?: string | undefined;
}

interface Def {
  readonly type: string;
  readonly shape?: Record<string, Schema>;
  readonly catchall?: Schema;
  readonly innerType?: Schema;
  readonly element?: Schema;
  readonly keyType?: Schema;
  readonly valueType?: Schema;
  readonly values?: readonly unknown[];
  readonly entries?: Readonly<Record<string, string | number>>;
  readonly options?: readonly Schema[];
}

const defOf = (schema: Schema) => schema._zod.def as Def;
const descriptionOf = (schema: Schema) => schema.description;

/** The declarations, in the given order, each preceded by its JSDoc. */
export function printDeclarations(declarations: readonly Declaration[]): string {
  const names = new Map<Schema, string>();
  for (const { name, schema } of declarations) {
    const known = names.get(schema);
    if (known !== undefined) throw new Error(`${name} and ${known} are the same schema: name it once`);
    names.set(schema, name);
  }
  const printer = new Printer(names);
  return declarations.map((declaration) => printer.declaration(declaration)).join('\n');
}

class Printer {
  constructor(private readonly names: ReadonlyMap<Schema, string>) {}

  declaration({ name, schema, description }: Declaration): string {
    const doc = jsDoc(description ?? this.ownDescription(schema), '');
    const def = defOf(schema);
    if (def.type === 'object') return `${doc}export interface ${name} ${this.object(schema, '')}\n`;
    return `${doc}export type ${name} = ${this.type(schema, '', false)};\n`;
  }

  /** A schema's description, unless it is the text `openEnum` writes (the type says it already). */
  private ownDescription(schema: Schema): string | undefined {
    return openEnumValues(schema) === undefined ? descriptionOf(schema) : undefined;
  }

  /** `named`: print a named schema by its name (false only for the declaration's own root). */
  private type(schema: Schema, indent: string, named = true): string {
    const name = this.names.get(schema);
    if (named && name !== undefined) return name;
    const def = defOf(schema);
    switch (def.type) {
      case 'string': {
        const values = openEnumValues(schema);
        return values === undefined ? 'string' : `OpenEnum<${union(values.map(literal))}>`;
      }
      case 'number':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'unknown':
        return 'unknown';
      case 'literal':
        return union((def.values ?? []).map(literal));
      case 'enum':
        return union(Object.values(def.entries ?? {}).map(literal));
      case 'optional':
        return union([this.type(inner(def), indent), 'undefined']);
      case 'nullable':
        return union([this.type(inner(def), indent), 'null']);
      case 'array':
        return `${this.element(def.element, indent)}[]`;
      case 'record':
        return `Record<${this.type(required(def.keyType), indent)}, ${this.type(required(def.valueType), indent)}>`;
      case 'union':
        return union((def.options ?? []).map((option) => this.type(option, indent)));
      case 'object':
        return this.object(schema, indent);
      default:
        throw new Error(`cannot print a zod "${def.type}" schema as a TypeScript type`);
    }
  }

  private element(schema: Schema | undefined, indent: string): string {
    const printed = this.type(required(schema), indent);
    return /^[\w.<>, ]+$/.test(printed) ? printed : `(${printed})`;
  }

  /** `{ [key: string]: unknown; field?: … }`: loose objects keep unknown keys, so their type has an index signature. */
  private object(schema: Schema, indent: string): string {
    const def = defOf(schema);
    const inside = `${indent}  `;
    const lines: string[] = [];
    if (def.catchall !== undefined) {
      if (defOf(def.catchall).type !== 'unknown') throw new Error('only loose objects have a catchall here');
      lines.push(`${inside}[key: string]: unknown;`);
    }
    for (const [key, field] of Object.entries(def.shape ?? {})) {
      const optional = field._zod.optout === 'optional' ? '?' : '';
      lines.push(
        `${jsDoc(this.fieldDescription(field), inside)}${inside}${property(key)}${optional}: ${this.type(field, inside)};`,
      );
    }
    return `{\n${lines.join('\n')}\n${indent}}`;
  }

  /** The first description on the wrappers of a field, down to (not into) a named schema. */
  private fieldDescription(field: Schema): string | undefined {
    let current: Schema | undefined = field;
    while (current !== undefined && !this.names.has(current)) {
      const description = this.ownDescription(current);
      if (description !== undefined) return description;
      const def = defOf(current);
      current = def.type === 'optional' || def.type === 'nullable' ? def.innerType : undefined;
    }
    return undefined;
  }
}

const openEnumText = /^Known values: (.+); the provider may add others\.$/;

/**
 * The values of a string schema made by core's `openEnum`, read back from the description it writes
 * (`Known values: a, b; the provider may add others.`). Should that text change, fields print as
 * `string`, and the type tests that compare these declarations with `z.output` fail.
 */
function openEnumValues(schema: Schema): readonly string[] | undefined {
  if (defOf(schema).type !== 'string') return undefined;
  const match = openEnumText.exec(descriptionOf(schema) ?? '');
  return match?.[1]?.split(', ');
}

function inner(def: Def): Schema {
  return required(def.innerType);
}

function required(schema: Schema | undefined): Schema {
  if (schema === undefined) throw new Error('incomplete zod definition');
  return schema;
}

/** A union without repeated members (`opt(x).optional()` would print `undefined` twice); `unknown` absorbs all. */
function union(members: readonly string[]): string {
  const flat = new Set(members.flatMap((member) => splitTopLevel(member)));
  return flat.has('unknown') ? 'unknown' : [...flat].join(' | ');
}

/** The members of a printed union, when it is one at the top level (object bodies are not split). */
function splitTopLevel(printed: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < printed.length; i++) {
    const char = printed[i];
    if (char === '{' || char === '(' || char === '<') depth++;
    else if (char === '}' || char === ')' || char === '>') depth--;
    else if (depth === 0 && printed.startsWith(' | ', i)) {
      parts.push(printed.slice(start, i));
      start = i + 3;
    }
  }
  parts.push(printed.slice(start));
  return parts;
}

function literal(value: unknown): string {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  throw new Error(`cannot print the literal ${String(value)}`);
}

function property(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : literal(key);
}

function jsDoc(text: string | undefined, indent: string): string {
  if (text === undefined) return '';
  if (text.includes('*/')) throw new Error(`a description cannot contain "*/": ${text}`);
  return `${indent}/** ${text} */\n`;
}

const repoRoot = fileURLToPath(new URL('../', import.meta.url));

/**
 * Formats (and organises the imports of) generated TypeScript as `biome check --write` would, so the
 * checked-in file passes the lint step unchanged. `path` is where the file lives, relative to the root.
 */
export function formatTypeScript(path: string, source: string): string {
  return execFileSync(
    `${repoRoot}node_modules/.bin/biome`,
    ['check', '--write', `--stdin-file-path=${path}`],
    {
      cwd: repoRoot,
      input: source,
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
}
