import { readdirSync, readFileSync } from 'node:fs';

const root = new URL('../fixtures/', import.meta.url);

interface SignatureFile {
  readonly logtoUnitTestVectors: { signingKey: string; vectors: { body: string; signature: string }[] };
  readonly fixtureVectors: {
    signingKey: string;
    vectors: { file: string; bodyBytes: number; signature: string }[];
  };
}

export const signatures = JSON.parse(readFileSync(new URL('signatures.json', root), 'utf8')) as SignatureFile;

/** Logto sends `JSON.stringify(payload)`: the compact form of each fixture is the exact wire body. */
export function wireBody(file: string): string {
  return JSON.stringify(JSON.parse(readFileSync(new URL(file, root), 'utf8')));
}

export const eventFiles = readdirSync(new URL('events/', root))
  .filter((name) => name.endsWith('.json'))
  .map((name) => `events/${name}`);
export const testPayloadFiles = readdirSync(new URL('test-payloads/', root)).map(
  (name) => `test-payloads/${name}`,
);
