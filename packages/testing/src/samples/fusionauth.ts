import {
  type FusionAuthEvent,
  type FusionAuthEventMap,
  type FusionAuthEventType,
  fusionAuthEventTypes,
  fusionAuthTypeAliases,
} from '@authhooks/fusionauth';
import fixtures from '../fixtures/fusionauth.json';
import { type DeepPartial, deepMerge } from './deep-merge.js';

const examples = fixtures as unknown as Readonly<Record<FusionAuthEventType, Record<string, unknown>>>;
const aliases: Readonly<Record<string, FusionAuthEventType>> = fusionAuthTypeAliases;

/** The canonical type for a type or one of its other spellings; undefined when FusionAuth has no such type. */
export function canonicalFusionAuthType(type: string): FusionAuthEventType | undefined {
  const canonical = aliases[type] ?? type;
  return (fusionAuthEventTypes as readonly string[]).includes(canonical)
    ? (canonical as FusionAuthEventType)
    : undefined;
}

/**
 * A realistic FusionAuth event of `type`, built from the FusionAuth docs' example: a fresh `id` and
 * `createInstant` (now) unless `overrides` sets them, and `overrides` deep-merged over it (objects
 * merged, arrays replaced, `undefined` removes a field).
 * @example fusionAuthSample('user.delete', { user: { email: 'ada@example.com' } })
 */
export function fusionAuthSample<T extends FusionAuthEventType>(
  type: T,
  overrides?: DeepPartial<FusionAuthEventMap[T]>,
): FusionAuthEventMap[T] {
  const canonical = canonicalFusionAuthType(type);
  if (canonical === undefined) {
    throw new TypeError(
      `authhooks: FusionAuth has no event type "${String(type)}"; \`npx authhooks samples\` lists them all.`,
    );
  }
  const fresh = { ...examples[canonical], id: crypto.randomUUID(), createInstant: Date.now() };
  return deepMerge(fresh, overrides) as FusionAuthEventMap[T];
}

/** The body FusionAuth sends for `event`: `{"event": …}` as compact JSON, as its JSON library writes it. */
export function fusionAuthBody(event: FusionAuthEvent | Readonly<Record<string, unknown>>): string {
  return JSON.stringify({ event });
}
