import type { Schema } from '@authhooks/core';
import { logtoCatalogue } from './catalogue.js';
import type { LogtoEventMap, LogtoEventType } from './generated/types.js';

/** Event name → zod schema, typed by the event's interface. */
export type LogtoEventSchemas = { readonly [K in LogtoEventType]: Schema<LogtoEventMap[K]> };

/** Event name → zod schema. */
export const logtoEventSchemas: LogtoEventSchemas = logtoCatalogue;

/** Every Logto event name. */
export const logtoEventTypes = Object.freeze(Object.keys(logtoCatalogue)) as readonly LogtoEventType[];
