import { openEnum, opt } from '@authhooks/core';
import { z } from 'zod';

// Logto sends `null` for absent values and drops keys whose value is `undefined`: `opt` accepts both.
export { openEnum, opt } from '@authhooks/core';

const stringList = z.array(z.string());
export const ids = opt(stringList);

/** `userInfoSelectFields`: timestamps are epoch-ms numbers, absent values null. */
export const userEntitySchema = z.looseObject({
  id: z.string(),
  username: opt(z.string()),
  primaryEmail: opt(z.string()),
  primaryPhone: opt(z.string()),
  name: opt(z.string()),
  avatar: opt(z.string()),
  customData: opt(z.record(z.string(), z.unknown())),
  identities: opt(z.record(z.string(), z.unknown())),
  profile: opt(z.record(z.string(), z.unknown())),
  applicationId: opt(z.string()),
  isSuspended: opt(z.boolean()),
  hasPassword: opt(z.boolean()),
  lastSignInAt: opt(z.number()),
  createdAt: opt(z.number()),
  updatedAt: opt(z.number()),
});
export type LogtoUser = z.output<typeof userEntitySchema>;

export const applicationSchema = z.looseObject({
  id: z.string(),
  type: opt(openEnum(['Native', 'SPA', 'Traditional', 'MachineToMachine', 'Protected', 'SAML'] as const)),
  name: opt(z.string()),
  description: opt(z.string()),
});

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
};

/** Sent for events fired by a Management API (or Account API) route. */
export const managementFields = {
  path: opt(z.string()),
  method: opt(z.string()),
  status: opt(z.number()),
  params: opt(z.record(z.string(), z.string())),
  matchedRoute: opt(z.string()),
};

export function logtoEvent<const E extends string, S extends z.ZodRawShape>(event: E, shape: S) {
  return z.looseObject({
    event: z.literal(event),
    ...baseFields,
    ...experienceFields,
    ...managementFields,
    ...shape,
  });
}
