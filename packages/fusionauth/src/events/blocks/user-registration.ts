import { z } from 'zod';
import type { UserRegistration, UserRegistrationWithApplicationId } from '../generated/types.js';
import { instant, jsonObject, openEnum, opt, stringList } from './helpers.js';

export const usernameStatusSchema = openEnum(['ACTIVE', 'PENDING', 'REJECTED'] as const);

export const userRegistrationObject = z.looseObject({
  id: opt(z.string()),
  applicationId: opt(z.string()),
  authenticationToken: opt(z.string()),
  cleanSpeakId: opt(z.string()),
  data: opt(jsonObject()),
  insertInstant: opt(instant()),
  lastLoginInstant: opt(instant()),
  lastUpdateInstant: opt(instant()),
  preferredLanguages: opt(stringList()),
  roles: opt(stringList()),
  timezone: opt(z.string()),
  tokens: opt(z.record(z.string(), z.string())),
  username: opt(z.string()),
  usernameStatus: opt(usernameStatusSchema),
  verified: opt(z.boolean()),
  verifiedInstant: opt(instant()),
});
export const userRegistrationSchema: z.ZodType<UserRegistration> = userRegistrationObject;

// FusionAuth always sends the registration on user.registration.* events; which application it is for is
// what handlers rely on.
export const userRegistrationWithApplicationIdObject = userRegistrationObject
  .extend({ applicationId: z.string() })
  .describe('The registration a `user.registration.*` event is about: its `applicationId` is always sent.');
export const userRegistrationWithApplicationIdSchema: z.ZodType<UserRegistrationWithApplicationId> =
  userRegistrationWithApplicationIdObject;
