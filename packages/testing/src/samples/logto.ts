import { type LogtoEventMap, type LogtoEventType, logtoEventTypes } from '@authhooks/logto';
import fixtures from '../fixtures/logto.json';
import { type DeepPartial, deepMerge } from './deep-merge.js';

const examples = fixtures as unknown as Readonly<Record<LogtoEventType, Record<string, unknown>>>;

export function isLogtoEventType(event: string): event is LogtoEventType {
  return (logtoEventTypes as readonly string[]).includes(event);
}

/**
 * A realistic Logto payload for `event`, built from a payload Logto's sender produces: `createdAt`
 * is now unless `overrides` sets it, and `overrides` is deep-merged over it (objects merged, arrays
 * replaced, `undefined` removes a field). Logto payloads carry no event id.
 * @example logtoSample('User.Created', { data: { primaryEmail: 'ada@example.com' } })
 */
export function logtoSample<E extends LogtoEventType>(
  event: E,
  overrides?: DeepPartial<LogtoEventMap[E]>,
): LogtoEventMap[E] {
  if (!isLogtoEventType(event)) {
    throw new TypeError(
      `authhooks: Logto has no event "${String(event)}"; \`npx authhooks samples\` lists them all.`,
    );
  }
  const fresh = { ...examples[event], createdAt: new Date().toISOString() };
  return deepMerge(fresh, overrides) as LogtoEventMap[E];
}

/** The body Logto sends for `payload`: `JSON.stringify(payload)`, the exact bytes it signs. */
export function logtoBody(payload: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(payload);
}
