import { z } from 'zod';
import { eventSchema } from './blocks/base-event.js';
import { opt } from './blocks/helpers.js';
import { userSchema } from './blocks/user.js';
import { userRegistrationSchema } from './blocks/user-registration.js';

// FusionAuth always sends the registration on these events; which application it is for is what handlers rely on.
const registration = {
  user: userSchema,
  registration: userRegistrationSchema.extend({ applicationId: z.string() }),
  applicationId: opt(z.string()),
};
const withOriginal = { ...registration, original: opt(userRegistrationSchema) };

export const userRegistrationCreateEventSchema = eventSchema('user.registration.create', registration);
export const userRegistrationCreateCompleteEventSchema = eventSchema(
  'user.registration.create.complete',
  registration,
);
export const userRegistrationUpdateEventSchema = eventSchema('user.registration.update', withOriginal);
export const userRegistrationUpdateCompleteEventSchema = eventSchema(
  'user.registration.update.complete',
  withOriginal,
);
export const userRegistrationDeleteEventSchema = eventSchema('user.registration.delete', registration);
export const userRegistrationDeleteCompleteEventSchema = eventSchema(
  'user.registration.delete.complete',
  registration,
);
export const userRegistrationVerifiedEventSchema = eventSchema('user.registration.verified', registration);

export type UserRegistrationCreateEvent = z.output<typeof userRegistrationCreateEventSchema>;
export type UserRegistrationCreateCompleteEvent = z.output<typeof userRegistrationCreateCompleteEventSchema>;
export type UserRegistrationUpdateEvent = z.output<typeof userRegistrationUpdateEventSchema>;
export type UserRegistrationUpdateCompleteEvent = z.output<typeof userRegistrationUpdateCompleteEventSchema>;
export type UserRegistrationDeleteEvent = z.output<typeof userRegistrationDeleteEventSchema>;
export type UserRegistrationDeleteCompleteEvent = z.output<typeof userRegistrationDeleteCompleteEventSchema>;
export type UserRegistrationVerifiedEvent = z.output<typeof userRegistrationVerifiedEventSchema>;
