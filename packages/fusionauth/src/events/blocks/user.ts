import { z } from 'zod';
import type { User, UserIdentity } from '../generated/types.js';
import { groupMemberSchema } from './group-member.js';
import { instant, jsonObject, openEnum, opt, stringList } from './helpers.js';
import { userTwoFactorSchema } from './two-factor-method.js';
import { usernameStatusSchema, userRegistrationSchema } from './user-registration.js';

export const loginIdTypeSchema = openEnum(['email', 'phoneNumber', 'username'] as const);

export const userIdentityObject = z
  .looseObject({
    displayValue: opt(z.string()),
    insertInstant: opt(instant()),
    lastLoginInstant: opt(instant()),
    lastUpdateInstant: opt(instant()),
    moderationStatus: opt(openEnum(['ACTIVE', 'PENDING', 'REJECTED'] as const)),
    primary: opt(z.boolean()),
    type: opt(loginIdTypeSchema),
    value: opt(z.string()),
    verified: opt(z.boolean()),
    verifiedInstant: opt(instant()),
    verifiedReason: opt(
      openEnum([
        'Skipped',
        'Trusted',
        'Unverifiable',
        'Implicit',
        'Pending',
        'Completed',
        'Disabled',
        'Administrative',
        'Import',
      ] as const),
    ),
  })
  .describe('`user.identities[]` (since 1.59.0).');
export const userIdentitySchema: z.ZodType<UserIdentity> = userIdentityObject;

export const userObject = z.looseObject({
  id: z.string(),
  active: opt(z.boolean()),
  birthDate: opt(z.string()),
  breachedPasswordLastCheckedInstant: opt(instant()),
  breachedPasswordStatus: opt(
    openEnum(['None', 'ExactMatch', 'SubAddressMatch', 'PasswordOnly', 'CommonPassword'] as const),
  ),
  cleanSpeakId: opt(z.string()),
  connectorId: opt(z.string()),
  data: opt(jsonObject()),
  email: opt(z.string()),
  expiry: opt(instant()),
  firstName: opt(z.string()),
  fullName: opt(z.string()),
  identities: opt(z.array(userIdentitySchema)),
  imageUrl: opt(z.string()),
  insertInstant: opt(instant()),
  lastLoginInstant: opt(instant()),
  lastName: opt(z.string()),
  lastUpdateInstant: opt(instant()),
  memberships: opt(z.array(groupMemberSchema)),
  middleName: opt(z.string()),
  mobilePhone: opt(z.string()),
  parentEmail: opt(z.string()),
  passwordChangeReason: opt(openEnum(['Administrative', 'Breached', 'Expired', 'Validation'] as const)),
  passwordChangeRequired: opt(z.boolean()),
  passwordLastUpdateInstant: opt(instant()),
  phoneNumber: opt(z.string()),
  preferredLanguages: opt(stringList()),
  registrations: opt(z.array(userRegistrationSchema)),
  tenantId: opt(z.string()),
  timezone: opt(z.string()),
  twoFactor: opt(userTwoFactorSchema),
  twoFactorEnabled: opt(z.boolean().describe('Older payloads only.')),
  uniqueUsername: opt(z.string()),
  username: opt(z.string()),
  usernameStatus: opt(usernameStatusSchema),
  verified: opt(z.boolean()),
  verifiedInstant: opt(instant()),
});
export const userSchema: z.ZodType<User> = userObject;
