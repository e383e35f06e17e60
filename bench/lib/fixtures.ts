import { readFileSync } from 'node:fs';

const fusionAuthFixtures = new URL('../../packages/fusionauth/fixtures/', import.meta.url);
const logtoFixtures = new URL('../../packages/logto/fixtures/events/', import.meta.url);

/**
 * A FusionAuth docs fixture as FusionAuth sends it: compact JSON, `{"event": …}`. The registration
 * examples in the docs lack the wrapper; it is added, as the package's test loader does.
 */
export function fusionAuthBody(file: string): Buffer {
  const parsed = readJson(new URL(file, fusionAuthFixtures));
  return Buffer.from(JSON.stringify('event' in parsed ? parsed : { event: parsed }));
}

/** A Logto fixture as Logto sends it: `JSON.stringify` of the payload. */
export function logtoBody(file: string): Buffer {
  return Buffer.from(JSON.stringify(readJson(new URL(file, logtoFixtures))));
}

/** The `user` object of the user.create docs fixture: the template for bulk users. */
export function userTemplate(): Record<string, unknown> {
  const parsed = readJson(new URL('user.create.json', fusionAuthFixtures)) as { event: { user: object } };
  return { ...parsed.event.user };
}

function readJson(url: URL): Record<string, unknown> {
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
}
