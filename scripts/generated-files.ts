// What both providers' generators share: the event types file (an interface per block and per event,
// the event map and union), the public schemas file (every schema typed `Schema<Interface>`), and
// formatting, writing or checking a set of generated files.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { type Declaration, formatTypeScript, printDeclarations, type Schema } from './zod-interfaces.js';

const quote = (text: string) => `'${text}'`;

/** An event's interface: `type` is its key in the provider's event map. */
export interface EventDeclaration extends Declaration {
  readonly type: string;
}

export interface EventTypesSpec {
  readonly banner: string;
  /** Prefix of the exported names: `FusionAuth` → `FusionAuthEventMap`, `FusionAuthEvent`, … */
  readonly provider: string;
  /** The field the event union is discriminated on. */
  readonly discriminant: string;
  readonly blocks: Readonly<Record<string, Schema>>;
  readonly events: readonly EventDeclaration[];
  /** More declarations, after the union. */
  readonly extra?: readonly string[];
}

/** `types.ts`: the interfaces, then the event map, the type union and the block map. */
export function eventTypesFile(spec: EventTypesSpec): string {
  const { banner, provider, discriminant, blocks, events, extra = [] } = spec;
  const blockDeclarations = Object.entries(blocks).map(([name, schema]): Declaration => ({ name, schema }));
  const map = events.map((event) => `  ${quote(event.type)}: ${event.name};`);
  const blockMap = Object.keys(blocks).map((name) => `  ${name}: ${name};`);
  return [
    banner,
    "import type { OpenEnum } from '@authhooks/core';",
    '',
    printDeclarations([...blockDeclarations, ...events]),
    '/** Event type → validated event. */',
    `export type ${provider}EventMap = {\n${map.join('\n')}\n};`,
    '',
    `export type ${provider}EventType = keyof ${provider}EventMap;`,
    '',
    `/** Any ${provider} event, discriminated on \`${discriminant}\`. */`,
    `export type ${provider}Event = ${provider}EventMap[${provider}EventType];`,
    '',
    ...extra.flatMap((declaration) => [declaration, '']),
    '/** Building block name → its interface (the type tests compare each with its zod object). */',
    `export type ${provider}BlockMap = {\n${blockMap.join('\n')}\n};`,
    '',
  ].join('\n');
}

/** `UserDeleteEvent` → `userDeleteEventSchema`. */
export const schemaConstName = (typeName: string) =>
  `${typeName.charAt(0).toLowerCase()}${typeName.slice(1)}Schema`;

/** The files of one generated directory, formatted: path relative to the repository root → content. */
export function formattedFiles(dir: string, contents: Readonly<Record<string, string>>): Map<string, string> {
  const files = new Map<string, string>();
  for (const [name, content] of Object.entries(contents)) {
    const path = `${dir}/${name}`;
    files.set(path, formatTypeScript(path, content));
  }
  return files;
}

const member = (key: string) => (/^[a-z]\w*$/i.test(key) ? `.${key}` : `['${key}']`);

/** One group of public schemas read from one exported map: `const name: Schema<type> = from[key]`. */
export interface SchemaGroup {
  readonly from: string;
  readonly entries: readonly { readonly key: string; readonly name: string; readonly type: string }[];
}

/**
 * The public schemas, each typed `Schema<Interface>`: the package's `.d.ts` then names interfaces and
 * never imports zod, whose declarations would otherwise be most of what authhooks costs a user's tsc.
 */
export function publicSchemasFile(
  banner: string,
  imports: readonly string[],
  groups: readonly SchemaGroup[],
) {
  const types = groups.flatMap((group) => group.entries.map((entry) => entry.type));
  return [
    banner,
    "import type { Schema } from '@authhooks/core';",
    ...imports,
    `import type { ${types.join(', ')} } from './types.js';`,
    ...groups.flatMap((group) => [
      '',
      ...group.entries.map(
        ({ key, name, type }) => `export const ${name}: Schema<${type}> = ${group.from}${member(key)};`,
      ),
    ]),
    '',
  ].join('\n');
}

/** Paths whose content differs from the generator's, plus files in `dirs` it no longer writes. */
export function staleFiles(root: string, files: Map<string, string>, dirs: readonly string[]): string[] {
  const stale = [...files].filter(([path, content]) => {
    const full = join(root, path);
    return !existsSync(full) || readFileSync(full, 'utf8') !== content;
  });
  const extra = dirs.flatMap((dir) =>
    existsSync(join(root, dir))
      ? readdirSync(join(root, dir))
          .map((name) => `${dir}/${name}`)
          .filter((path) => !files.has(path))
      : [],
  );
  return [...stale.map(([path]) => path), ...extra];
}

/** Writes the files, or with `check` exits 1 naming the stale ones (CI's `generate:check`). */
export function writeOrCheck(
  root: string,
  files: Map<string, string>,
  dirs: readonly string[],
  check: boolean,
) {
  if (check) {
    const stale = staleFiles(root, files, dirs);
    if (stale.length > 0) {
      console.error(
        `Stale generated files (run the generate script):\n${stale.map((p) => `  ${p}`).join('\n')}`,
      );
      process.exit(1);
    }
    console.log(`${files.size} generated files are up to date.`);
    return;
  }
  for (const [path, content] of files) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  console.log(`Wrote ${files.size} files under ${relative(process.cwd(), root) || '.'}`);
}
