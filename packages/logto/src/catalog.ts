import type { EventCatalog } from '@authhooks/core';
import { type LogtoEventMap, logtoEventSchemas } from './events/index.js';
import type { LogtoContext } from './options.js';

/**
 * Logto's events without how they arrive: what a queue worker needs to type its handlers and
 * re-validate jobs (`createWorker(queue, { events: logtoEvents })`).
 */
export const logtoEvents: EventCatalog<LogtoEventMap, LogtoContext> = {
  name: 'logto',
  schemas: logtoEventSchemas,
  context: { hookId: (event) => (typeof event.hookId === 'string' ? event.hookId : undefined) },
};
