import { openEnum, opt } from '@authhooks/core/schema';
import { z } from 'zod';
import type { LogtoApplication, LogtoUser, LogtoUserProfile } from './generated/types.js';

// Logto sends `null` for absent values and drops keys whose value is `undefined`: `opt` accepts both.
export { openEnum, opt } from '@authhooks/core/schema';

/** A free-form JSON object (`customData`, `identities`, …). */
export const jsonObject = z.record(z.string(), z.unknown());
export const ids = opt(z.array(z.string()));

// Each block is exported twice: `…Object`, the zod object, whose output type the type tests compare with
// the generated interface; and `…Schema`, the same object typed by that interface, which the package
// exports, so that its .d.ts names the interface instead of spelling out zod's types.

export const userProfileObject = z
  .looseObject({
    familyName: opt(z.string()),
    givenName: opt(z.string()),
    middleName: opt(z.string()),
    nickname: opt(z.string()),
    preferredUsername: opt(z.string()),
    profile: opt(z.string().describe('The OIDC `profile` claim: a URL of the user’s profile page.')),
    website: opt(z.string()),
    gender: opt(z.string()),
    birthdate: opt(z.string()),
    zoneinfo: opt(z.string()),
    locale: opt(z.string()),
    address: opt(
      z.looseObject({
        formatted: opt(z.string()),
        streetAddress: opt(z.string()),
        locality: opt(z.string()),
        region: opt(z.string()),
        postalCode: opt(z.string()),
        country: opt(z.string()),
      }),
    ),
  })
  .describe('`user.profile`: the OpenID Connect standard claims Logto keeps for a user.');
export const userProfileSchema: z.ZodType<LogtoUserProfile> = userProfileObject;

export const userEntityObject = z
  .looseObject({
    id: z.string(),
    username: opt(z.string()),
    primaryEmail: opt(z.string()),
    primaryPhone: opt(z.string()),
    name: opt(z.string()),
    avatar: opt(z.string()),
    customData: opt(jsonObject),
    identities: opt(jsonObject),
    profile: opt(userProfileSchema),
    applicationId: opt(z.string()),
    cimdClientId: opt(
      z
        .string()
        .describe('The CIMD client identifier URL the user registered through, instead of `applicationId`.'),
    ),
    isSuspended: opt(z.boolean()),
    hasPassword: opt(z.boolean()),
    lastSignInAt: opt(z.number()),
    createdAt: opt(z.number()),
    updatedAt: opt(z.number()),
  })
  .describe('A Logto user (`userInfoSelectFields`): timestamps are epoch-ms numbers, absent values null.');
export const userEntitySchema: z.ZodType<LogtoUser> = userEntityObject;

export const applicationObject = z.looseObject({
  id: z.string(),
  type: opt(openEnum(['Native', 'SPA', 'Traditional', 'MachineToMachine', 'Protected', 'SAML'] as const)),
  name: opt(z.string()),
  description: opt(z.string()),
});
export const applicationSchema: z.ZodType<LogtoApplication> = applicationObject;

/** Fields every Logto payload carries. */
export const baseFields = {
  hookId: z.string(),
  createdAt: z.string(),
  userAgent: opt(z.string()),
  ip: opt(z.string()),
};

/** Sent by the hosted sign-in experience (interaction and Experience API payloads). */
export const experienceFields = {
  interactionEvent: opt(openEnum(['SignIn', 'Register', 'ForgotPassword'] as const)),
  sessionId: opt(z.string()),
  applicationId: opt(z.string()),
  application: opt(applicationSchema),
  cimdClientId: opt(
    z.string().describe('CIMD clients are unregistered: the identifier URL stands in for `application`.'),
  ),
};

/** Sent for events fired by a Management API (or Account API) route. */
export const managementFields = {
  path: opt(z.string()),
  method: opt(z.string()),
  status: opt(z.number()),
  params: opt(z.record(z.string(), z.string())),
  matchedRoute: opt(z.string()),
};

/** One event schema: the common fields, a literal `event`, and the event's own fields (which may override them). */
export function logtoEvent<const E extends string, S extends z.ZodRawShape>(event: E, shape: S) {
  return z
    .looseObject({ event: z.literal(event), ...baseFields, ...experienceFields, ...managementFields })
    .extend(shape);
}
