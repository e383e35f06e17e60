import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FusionAuthEventType, fusionAuthTypeAliases } from '../../src/events/index.js';

export const fixturesDir = fileURLToPath(new URL('../../fixtures/', import.meta.url));

export interface Fixture {
  /** The file name in `packages/fusionauth/fixtures/`. */
  readonly file: string;
  /** The canonical event type the fixture is an example of. */
  readonly type: FusionAuthEventType;
  /** The wire body, `{ "event": {...} }`, after the repairs below. */
  readonly body: { readonly event: Record<string, unknown> };
  /** The wire text: the file's bytes when nothing was repaired, otherwise the repaired body as JSON. */
  readonly text: string;
  /** What was repaired, for test names. */
  readonly repairs: readonly string[];
}

const aliases: Readonly<Record<string, FusionAuthEventType>> = fusionAuthTypeAliases;

/** `user.create-2.json` → `user.create`; the failed.attempt spelling → its canonical type. */
export function typeOfFile(file: string): FusionAuthEventType {
  const name = file.replace(/\.json$/, '').replace(/-\d+$/, '');
  return aliases[name] ?? (name as FusionAuthEventType);
}

// Each repair corrects a known docs bug (fixtures/SOURCE.md, "Repairs applied by the test loader").
function repair(type: FusionAuthEventType, parsed: Record<string, unknown>) {
  const repairs: string[] = [];
  let event = parsed;
  // 1. The six user.registration.* examples and the Kafka `test` messages have no `{"event": …}` wrapper.
  if (!('event' in parsed)) {
    repairs.push('wrapped in {"event": …}');
  } else {
    event = parsed.event as Record<string, unknown>;
  }
  event = { ...event };
  // 2. The registration *.complete examples carry the non-complete type.
  if (type.endsWith('.complete') && event.type !== type) {
    repairs.push(`type ${String(event.type)} → ${type}`);
    event.type = type;
  }
  // 3. The user.action example names the documented actioneeUserId/actionerUserId actioneeId/actionerId.
  for (const [wrong, right] of [
    ['actioneeId', 'actioneeUserId'],
    ['actionerId', 'actionerUserId'],
  ] as const) {
    if (type === 'user.action' && wrong in event && !(right in event)) {
      repairs.push(`${wrong} → ${right}`);
      event[right] = event[wrong];
      delete event[wrong];
    }
  }
  return { event, repairs };
}

export function loadFixtures(): Fixture[] {
  const files = readdirSync(fixturesDir)
    .filter((file) => file.endsWith('.json'))
    .sort();
  return files.map((file) => {
    const original = readFileSync(join(fixturesDir, file), 'utf8');
    const type = typeOfFile(file);
    const { event, repairs } = repair(type, JSON.parse(original) as Record<string, unknown>);
    const body = { event };
    const text = repairs.length === 0 ? original : `${JSON.stringify(body, null, 2)}\n`;
    return { file, type, body, text, repairs };
  });
}

export const fixtures: readonly Fixture[] = loadFixtures();
