// Our FusionAuth event model against FusionAuth's own (@fusionauth/typescript-client, generated from
// FusionAuth's Java domain): every field the official event interfaces have, at every depth, must be
// in our JSON schemas (generated from the same schemas as the TypeScript types). The client is pinned
// in devDependencies; a newer one that adds fields makes this test name them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { fusionAuthEventTypes } from '../src/index.js';

const require = createRequire(import.meta.url);
const clientTypes = require.resolve('@fusionauth/typescript-client/build/src/FusionAuthClient.d.ts');
const schemaDir = new URL('../schemas/', import.meta.url);

/** Official fields we leave out on purpose, each with why. */
const writeOnly = 'a password hash field FusionAuth accepts on import and never sends in an event';
const leftOut: Readonly<Record<string, string>> = {
  'SecureIdentity.encryptionScheme': writeOnly,
  'SecureIdentity.factor': writeOnly,
  'SecureIdentity.password': writeOnly,
  'SecureIdentity.salt': writeOnly,
  'User.legacyIdentifier': 'an import-only identifier (User Import API) that events never carry',
};

/** `user.login.failed` → `UserLoginFailedEvent`, with FusionAuth's few irregular names. */
function officialName(type: string): string {
  const irregular: Record<string, string> = {
    'user.loginId.duplicate.create': 'UserLoginIdDuplicateOnCreateEvent',
    'user.loginId.duplicate.update': 'UserLoginIdDuplicateOnUpdateEvent',
  };
  if (irregular[type] !== undefined) return irregular[type];
  const words = type
    .split(/[.-]/)
    .map((word) => (word === 'jwt' ? 'JWT' : word[0]?.toUpperCase() + word.slice(1)));
  return `${words.join('')}Event`;
}

interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
  $defs?: Record<string, JsonSchema>;
}

/** The object or array a schema node describes, `$ref`s and nullable unions resolved. */
function resolve(node: JsonSchema | undefined, defs: Record<string, JsonSchema>): JsonSchema | undefined {
  if (node === undefined) return undefined;
  if (node.$ref !== undefined) return resolve(defs[node.$ref.replace('#/$defs/', '')], defs);
  const branches = node.anyOf ?? node.oneOf;
  if (branches !== undefined) {
    return branches
      .map((branch) => resolve(branch, defs))
      .find((branch) => branch?.properties ?? branch?.items);
  }
  return node;
}

const program = ts.createProgram([clientTypes], { skipLibCheck: true, noEmit: true });
const checker = program.getTypeChecker();
const source = program.getSourceFile(clientTypes) as ts.SourceFile;
const interfaces = new Map<string, ts.InterfaceDeclaration>();
ts.forEachChild(source, (node) => {
  if (ts.isInterfaceDeclaration(node)) interfaces.set(node.name.text, node);
});

/** A property's type without null/undefined, and the element type of an array. */
function valueType(type: ts.Type): ts.Type {
  const plain = checker.getNonNullableType(type);
  if (checker.isArrayType(plain))
    return valueType(checker.getTypeArguments(plain as ts.TypeReference)[0] as ts.Type);
  return plain;
}

/** Official fields missing from `schema`, as dotted paths; recurses into the client's own interfaces. */
function missing(
  type: ts.Type,
  schema: JsonSchema | undefined,
  defs: Record<string, JsonSchema>,
  path: string,
  seen: Set<string>,
): string[] {
  const resolved = resolve(schema, defs);
  const node = resolved?.items !== undefined ? resolve(resolved.items, defs) : resolved;
  const properties = node?.properties;
  if (properties === undefined) return []; // an open JSON object on our side (data, Record<string, any>)
  const found: string[] = [];
  for (const property of checker.getPropertiesOfType(type)) {
    const name = property.getName();
    const where = `${path}.${name}`;
    if (!(name in properties)) {
      // Named by the interface that declares it: User.salt, not the same field under 40 events.
      const owner = (property.valueDeclaration?.parent as ts.InterfaceDeclaration | undefined)?.name?.text;
      found.push(`${owner ?? path}.${name}`);
      continue;
    }
    const declaration = property.valueDeclaration ?? property.declarations?.[0];
    if (declaration === undefined) continue;
    const inner = valueType(checker.getTypeOfSymbolAtLocation(property, declaration));
    const symbol = inner.getSymbol();
    const own = symbol?.declarations?.some(
      (d) => d.getSourceFile() === source && ts.isInterfaceDeclaration(d),
    );
    if (!own || symbol === undefined || seen.has(symbol.getName())) continue;
    found.push(...missing(inner, properties[name], defs, where, new Set([...seen, symbol.getName()])));
  }
  return found;
}

describe('the event model against @fusionauth/typescript-client', () => {
  it('names an official interface for each of our event types', () => {
    const unknown = fusionAuthEventTypes.filter((type) => !interfaces.has(officialName(type)));
    expect(unknown).toEqual([]);
  });

  it('has every field of every official event interface, at every depth', () => {
    const gaps: string[] = [];
    for (const type of fusionAuthEventTypes) {
      const declaration = interfaces.get(officialName(type));
      if (declaration === undefined) continue;
      const schema = JSON.parse(readFileSync(new URL(`${type}.json`, schemaDir), 'utf8')) as JsonSchema;
      const official = checker.getTypeAtLocation(declaration.name);
      gaps.push(...missing(official, schema, schema.$defs ?? {}, type, new Set([officialName(type)])));
    }
    expect([...new Set(gaps)].filter((gap) => leftOut[gap] === undefined).sort()).toEqual([]);
  });
});
