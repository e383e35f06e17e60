import { z } from 'zod';
import { instant, openEnum, opt } from './helpers.js';

export const eventLogSchema = z.looseObject({
  /** A sequence number, not a UUID. */
  id: z.number(),
  insertInstant: opt(instant()),
  message: opt(z.string()),
  type: opt(openEnum(['Information', 'Debug', 'Error'] as const)),
});

export type EventLog = z.output<typeof eventLogSchema>;
