import { z } from 'zod';
import { eventInfoSchema } from './event-info.js';
import { instant, opt } from './helpers.js';

/** Fields every FusionAuth event may carry; only `id` is always sent (the idempotency key). */
export const baseEventShape = {
  id: z.string(),
  createInstant: opt(instant()),
  info: opt(eventInfoSchema),
  /** The affected user, group, entity or JWT (since 1.53.0). */
  linkedObjectId: opt(z.string()),
  tenantId: opt(z.string()),
};

export const baseEventSchema = z.looseObject({ type: z.string(), ...baseEventShape });

export type BaseEvent = z.output<typeof baseEventSchema>;

/** One event schema: the base fields, a literal `type`, and the event's own fields. */
export function eventSchema<const T extends string, const S extends z.core.$ZodShape>(type: T, shape: S) {
  return z.looseObject({ type: z.literal(type), ...baseEventShape, ...shape });
}
