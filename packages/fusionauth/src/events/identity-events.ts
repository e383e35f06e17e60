import { z } from 'zod';
import { opt } from './blocks/helpers.js';
import { identityProviderLinkSchema } from './blocks/identity-provider-link.js';
import { loginIdTypeSchema, userSchema } from './blocks/user.js';

export const emailUpdate = { user: userSchema, previousEmail: opt(z.string()) };
export const emailVerified = { user: userSchema };
export const identityVerified = {
  user: userSchema,
  loginId: opt(z.string()),
  loginIdType: opt(loginIdTypeSchema),
};
export const identityUpdate = {
  user: userSchema,
  loginIdType: opt(loginIdTypeSchema),
  newLoginId: opt(z.string()),
  previousLoginId: opt(z.string()),
};
export const identityProviderLink = {
  user: userSchema,
  identityProviderLink: opt(identityProviderLinkSchema),
};
export const loginIdDuplicate = {
  user: userSchema,
  duplicateEmail: opt(z.string()),
  duplicateIdentities: opt(z.array(z.looseObject({ type: opt(loginIdTypeSchema), value: opt(z.string()) }))),
  duplicatePhoneNumber: opt(z.string()),
  duplicateUsername: opt(z.string()),
  existing: opt(userSchema).describe('The user that already holds the login id.'),
};
