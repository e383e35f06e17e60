import type { z } from 'zod';
import { eventSchema } from './blocks/base-event.js';
import { entitySchema } from './blocks/entity.js';
import { opt } from './blocks/helpers.js';

const entity = { entity: entitySchema };
const withOriginal = { entity: entitySchema, original: opt(entitySchema) };

export const entityCreateEventSchema = eventSchema('entity.create', entity);
export const entityCreateCompleteEventSchema = eventSchema('entity.create.complete', entity);
export const entityUpdateEventSchema = eventSchema('entity.update', withOriginal);
export const entityUpdateCompleteEventSchema = eventSchema('entity.update.complete', withOriginal);
export const entityDeleteEventSchema = eventSchema('entity.delete', entity);
export const entityDeleteCompleteEventSchema = eventSchema('entity.delete.complete', entity);

export type EntityCreateEvent = z.output<typeof entityCreateEventSchema>;
export type EntityCreateCompleteEvent = z.output<typeof entityCreateCompleteEventSchema>;
export type EntityUpdateEvent = z.output<typeof entityUpdateEventSchema>;
export type EntityUpdateCompleteEvent = z.output<typeof entityUpdateCompleteEventSchema>;
export type EntityDeleteEvent = z.output<typeof entityDeleteEventSchema>;
export type EntityDeleteCompleteEvent = z.output<typeof entityDeleteCompleteEventSchema>;
