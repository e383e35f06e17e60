import type { Schema } from '@authhooks/core';
import { eventSchema } from './blocks/base-event.js';
import { fusionAuthCatalogue as catalogue, fusionAuthTypeAliases } from './catalogue.js';
import type { FusionAuthEventMap, FusionAuthEventType } from './generated/types.js';

type Catalogue = typeof catalogue;
type Aliases = typeof fusionAuthTypeAliases;
type AliasOf<T> = { [A in keyof Aliases]: Aliases[A] extends T ? A : never }[keyof Aliases];

/** The zod object of each event type, with its full static type (internal: tests and the generator read it). */
export type FusionAuthEventObjects = {
  readonly [K in keyof Catalogue]: ReturnType<typeof eventSchema<K, Catalogue[K][0], AliasOf<K>>>;
};

const aliasesOf = (type: string) =>
  Object.entries(fusionAuthTypeAliases)
    .filter(([, canonical]) => canonical === type)
    .map(([alias]) => alias);

export const fusionAuthEventObjects = Object.fromEntries(
  Object.entries(catalogue).map(([type, [fields]]) => [type, eventSchema(type, fields, aliasesOf(type))]),
) as FusionAuthEventObjects;

/** Event type → zod schema, typed by the event's interface. */
export type FusionAuthEventSchemas = {
  readonly [K in FusionAuthEventType]: Schema<FusionAuthEventMap[K]>;
};

/** Event type → its zod schema (typed by what it validates; cast to z.ZodType for zod's own methods). */
export const fusionAuthEventSchemas: FusionAuthEventSchemas = fusionAuthEventObjects;
