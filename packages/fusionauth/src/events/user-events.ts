import { z } from 'zod';
import { eventSchema } from './blocks/base-event.js';
import { opt } from './blocks/helpers.js';
import { userSchema } from './blocks/user.js';

const user = { user: userSchema };
const userWithOriginal = { user: userSchema, original: opt(userSchema) };

export const userCreateEventSchema = eventSchema('user.create', user);
export const userCreateCompleteEventSchema = eventSchema('user.create.complete', user);
export const userUpdateEventSchema = eventSchema('user.update', userWithOriginal);
export const userUpdateCompleteEventSchema = eventSchema('user.update.complete', userWithOriginal);
export const userDeleteEventSchema = eventSchema('user.delete', user);
export const userDeleteCompleteEventSchema = eventSchema('user.delete.complete', user);
export const userDeactivateEventSchema = eventSchema('user.deactivate', user);
export const userReactivateEventSchema = eventSchema('user.reactivate', user);
export const userBulkCreateEventSchema = eventSchema('user.bulk.create', { users: z.array(userSchema) });

export type UserCreateEvent = z.output<typeof userCreateEventSchema>;
export type UserCreateCompleteEvent = z.output<typeof userCreateCompleteEventSchema>;
export type UserUpdateEvent = z.output<typeof userUpdateEventSchema>;
export type UserUpdateCompleteEvent = z.output<typeof userUpdateCompleteEventSchema>;
export type UserDeleteEvent = z.output<typeof userDeleteEventSchema>;
export type UserDeleteCompleteEvent = z.output<typeof userDeleteCompleteEventSchema>;
export type UserDeactivateEvent = z.output<typeof userDeactivateEventSchema>;
export type UserReactivateEvent = z.output<typeof userReactivateEventSchema>;
export type UserBulkCreateEvent = z.output<typeof userBulkCreateEventSchema>;
