/**
 * Copies one example event per type from the provider packages' fixtures into `src/fixtures/`, so the
 * samples ship inside the built package, and repairs the known docs bugs on the way (see below).
 * `--check` compares instead of writing and exits 1 when the shipped copies are stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fusionAuthEventTypes, fusionAuthTypeAliases } from '@authhooks/fusionauth';
import { logtoEventTypes } from '@authhooks/logto';

const repo = new URL('../../../', import.meta.url);
const out = new URL('../src/fixtures/', import.meta.url);

type Json = Record<string, unknown>;

const readJson = (url: URL): Json => JSON.parse(readFileSync(url, 'utf8')) as Json;

/** The file a FusionAuth sample is built from, where it is not simply `<type>.json`. */
const fusionAuthFiles: Readonly<Record<string, string>> = {
  // The docs page spells it with a dot; the API event list and the TS client with a hyphen (canonical).
  'user.two-factor.failed-attempt': 'user.two-factor.failed.attempt.json',
};

/**
 * One docs example per FusionAuth type, made into the event FusionAuth sends:
 * 1. the six `user.registration.*` examples and the Kafka `test` message lack the `{"event": …}` wrapper;
 * 2. three registration `*.complete` examples carry the non-complete type, and the 2FA failed-attempt
 *    example the dotted alias: every sample carries the type it is a sample of;
 * 3. the `user.action` example names `actioneeUserId`/`actionerUserId` `actioneeId`/`actionerId`.
 */
export function fusionAuthFixtures(): Json {
  const aliases: Readonly<Record<string, string>> = fusionAuthTypeAliases;
  const samples: Json = {};
  for (const type of fusionAuthEventTypes) {
    const file = fusionAuthFiles[type] ?? `${type}.json`;
    const parsed = readJson(new URL(`packages/fusionauth/fixtures/${file}`, repo));
    const event = { ...((parsed.event as Json | undefined) ?? parsed) };
    if (event.type !== type && aliases[String(event.type)] !== type && !type.endsWith('.complete')) {
      throw new Error(`${file} is an example of ${String(event.type)}, not ${type}`);
    }
    event.type = type;
    for (const [wrong, right] of [
      ['actioneeId', 'actioneeUserId'],
      ['actionerId', 'actionerUserId'],
    ] as const) {
      if (wrong in event && !(right in event)) {
        event[right] = event[wrong];
        delete event[wrong];
      }
    }
    samples[type] = event;
  }
  return samples;
}

/** One real-shaped Logto payload per event (the main fixture of each; variants are left out). */
export function logtoFixtures(): Json {
  const samples: Json = {};
  for (const event of logtoEventTypes) {
    const payload = readJson(new URL(`packages/logto/fixtures/events/${event}.json`, repo));
    if (payload.event !== event) throw new Error(`${event}.json carries event ${String(payload.event)}`);
    samples[event] = payload;
  }
  return samples;
}

export const fixtureFiles = {
  'fusionauth.json': fusionAuthFixtures,
  'logto.json': logtoFixtures,
} as const;

export const serialise = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [name, build] of Object.entries(fixtureFiles)) {
    const target = new URL(name, out);
    const text = serialise(build());
    if (!check) {
      writeFileSync(target, text);
      continue;
    }
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {}
    if (current !== text) {
      stale++;
      console.error(
        `stale: packages/testing/src/fixtures/${name} (run pnpm --filter @authhooks/testing fixtures)`,
      );
    }
  }
  process.exit(stale > 0 ? 1 : 0);
}
