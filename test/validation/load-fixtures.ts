import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fusionAuthEventSchemas, fusionAuthTypeAliases, locateEvent } from '@authhooks/fusionauth';
import { logtoEventSchemas } from '@authhooks/logto';
import type { validate } from '../../packages/core/src/parse/validate.js';

type Schema = Parameters<typeof validate<unknown>>[0];

/** What validate() receives for one fixture: the located event and the schema of its canonical type. */
export interface EventFixture {
  readonly name: string;
  readonly type: string;
  readonly event: Record<string, unknown>;
  readonly schema: Schema;
}

const packages = fileURLToPath(new URL('../../packages/', import.meta.url));
const fusionAliases: Readonly<Record<string, string>> = fusionAuthTypeAliases;
const fusionSchemas: Readonly<Record<string, Schema>> = fusionAuthEventSchemas;
const logtoSchemas: Readonly<Record<string, Schema>> = logtoEventSchemas;

const jsonFiles = (dir: string) =>
  readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort();

/**
 * Every FusionAuth fixture, repaired as packages/fusionauth/fixtures/SOURCE.md describes where the docs
 * example is not a body FusionAuth sends: wrapped in `{"event": …}`, and the type the file is named for.
 */
export function fusionAuthFixtures(): EventFixture[] {
  const dir = `${packages}fusionauth/fixtures/`;
  return jsonFiles(dir).map((file) => {
    const parsed = JSON.parse(readFileSync(dir + file, 'utf8')) as Record<string, unknown>;
    const body = 'event' in parsed ? parsed : { event: parsed };
    const located = locateEvent(body);
    if ('problem' in located) throw new Error(`${file}: ${located.problem}`);
    const named = file.replace(/\.json$/, '').replace(/-\d+$/, '');
    const type = fusionAliases[named] ?? named;
    const sentType = fusionAliases[located.type] ?? located.type;
    const event = sentType === type ? located.event : { ...located.event, type };
    return { name: `fusionauth/${file}`, type, event, schema: schemaOf(fusionSchemas, type, file) };
  });
}

/** Every Logto fixture the Logto package tests with: the delivered events and the Console test payloads. */
export function logtoFixtures(): EventFixture[] {
  return ['events/', 'test-payloads/'].flatMap((sub) => {
    const dir = `${packages}logto/fixtures/${sub}`;
    return jsonFiles(dir).map((file) => {
      const event = JSON.parse(readFileSync(dir + file, 'utf8')) as Record<string, unknown>;
      const type = String(event.event);
      return { name: `logto/${sub}${file}`, type, event, schema: schemaOf(logtoSchemas, type, file) };
    });
  });
}

function schemaOf(schemas: Readonly<Record<string, Schema>>, type: string, file: string) {
  const schema = Object.hasOwn(schemas, type) ? schemas[type] : undefined;
  if (schema === undefined) throw new Error(`${file}: no schema for ${type}`);
  return schema;
}
