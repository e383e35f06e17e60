import type { z } from 'zod';
import { eventSchema } from './blocks/base-event.js';
import { groupSchema } from './blocks/group.js';
import { opt } from './blocks/helpers.js';

const group = { group: groupSchema };
const withOriginal = { group: groupSchema, original: opt(groupSchema) };

export const groupCreateEventSchema = eventSchema('group.create', group);
export const groupCreateCompleteEventSchema = eventSchema('group.create.complete', group);
export const groupUpdateEventSchema = eventSchema('group.update', withOriginal);
export const groupUpdateCompleteEventSchema = eventSchema('group.update.complete', withOriginal);
export const groupDeleteEventSchema = eventSchema('group.delete', group);
export const groupDeleteCompleteEventSchema = eventSchema('group.delete.complete', group);

export type GroupCreateEvent = z.output<typeof groupCreateEventSchema>;
export type GroupCreateCompleteEvent = z.output<typeof groupCreateCompleteEventSchema>;
export type GroupUpdateEvent = z.output<typeof groupUpdateEventSchema>;
export type GroupUpdateCompleteEvent = z.output<typeof groupUpdateCompleteEventSchema>;
export type GroupDeleteEvent = z.output<typeof groupDeleteEventSchema>;
export type GroupDeleteCompleteEvent = z.output<typeof groupDeleteCompleteEventSchema>;
