import type { z } from 'zod';
import { eventSchema } from './blocks/base-event.js';
import { userSchema } from './blocks/user.js';

const user = { user: userSchema };

export const userPasswordBreachEventSchema = eventSchema('user.password.breach', user);
export const userPasswordResetSendEventSchema = eventSchema('user.password.reset.send', user);
export const userPasswordResetStartEventSchema = eventSchema('user.password.reset.start', user);
export const userPasswordResetSuccessEventSchema = eventSchema('user.password.reset.success', user);
export const userPasswordUpdateEventSchema = eventSchema('user.password.update', user);

export type UserPasswordBreachEvent = z.output<typeof userPasswordBreachEventSchema>;
export type UserPasswordResetSendEvent = z.output<typeof userPasswordResetSendEventSchema>;
export type UserPasswordResetStartEvent = z.output<typeof userPasswordResetStartEventSchema>;
export type UserPasswordResetSuccessEvent = z.output<typeof userPasswordResetSuccessEventSchema>;
export type UserPasswordUpdateEvent = z.output<typeof userPasswordUpdateEventSchema>;
