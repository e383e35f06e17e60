import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const fixtures = new URL('../../../packages/fusionauth/fixtures/', import.meta.url);

/** A FusionAuth docs example as a wire body `{"event": …}` (a few docs examples lack the wrapper). */
export function fusionAuthFixture(name: string): { event: Record<string, unknown> } {
  const json = JSON.parse(readFileSync(fileURLToPath(new URL(`${name}.json`, fixtures)), 'utf8'));
  return 'event' in json ? json : { event: json };
}
