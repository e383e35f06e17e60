import { z } from 'zod';
import type { EventLog } from '../generated/types.js';
import { instant, openEnum, opt } from './helpers.js';

export const eventLogObject = z.looseObject({
  id: z.number().describe('A sequence number, not a UUID.'),
  insertInstant: opt(instant()),
  message: opt(z.string()),
  type: opt(openEnum(['Information', 'Debug', 'Error'] as const)),
});
export const eventLogSchema: z.ZodType<EventLog> = eventLogObject;
