import { z } from 'zod';
import { instant, jsonObject, openEnum, opt, stringList } from './helpers.js';

export const usernameStatusSchema = openEnum(['ACTIVE', 'PENDING', 'REJECTED'] as const);

export const userRegistrationSchema = z.looseObject({
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

export type UserRegistration = z.output<typeof userRegistrationSchema>;
