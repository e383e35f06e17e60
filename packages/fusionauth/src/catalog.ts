import type { EventCatalog, RawEvent } from '@authhooks/core';
import { fusionAuthCompletion } from './completion.js';
import {
  type FusionAuthEventMap,
  fusionAuthEventSchemas,
  fusionAuthTypeAliases,
  isTransactional,
} from './events/index.js';
import type { FusionAuthContext } from './options.js';

/**
 * FusionAuth's events without how they arrive: what a queue worker needs to type its handlers and
 * re-validate jobs (`createWorker(queue, { events: fusionAuthEvents })`).
 */
export const fusionAuthEvents: EventCatalog<FusionAuthEventMap, FusionAuthContext> = {
  name: 'fusionauth',
  schemas: fusionAuthEventSchemas,
  aliases: fusionAuthTypeAliases,
  context: { transactional: (_event: RawEvent, type: string) => isTransactional(type) },
  transactional: isTransactional,
  completion: fusionAuthCompletion,
};
