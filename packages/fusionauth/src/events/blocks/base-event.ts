import { z } from 'zod';
import type { BaseEvent } from '../generated/types.js';
import { eventInfoSchema } from './event-info.js';
import { instant, opt } from './helpers.js';

/** Fields every FusionAuth event may carry; only `id` is always sent (the idempotency key). */
export const baseEventShape = {
  id: z.string(),
  createInstant: opt(instant()),
  info: opt(eventInfoSchema),
  linkedObjectId: opt(z.string().describe('The affected user, group, entity or JWT (since 1.53.0).')),
  tenantId: opt(z.string()),
};

export const baseEventObject = z.looseObject({ type: z.string(), ...baseEventShape });
export const baseEventSchema: z.ZodType<BaseEvent> = baseEventObject;

/**
 * One event schema: the base fields, the event's own fields, and a literal `type` (or, with `aliases`,
 * any of the spellings FusionAuth uses for it).
 */
export function eventSchema<
  const T extends string,
  const S extends z.core.$ZodShape,
  const A extends string = never,
>(type: T, shape: S, aliases: readonly A[] = []) {
  return z.looseObject({ type: z.literal([type, ...aliases]), ...baseEventShape, ...shape });
}
