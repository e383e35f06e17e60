import { z } from 'zod';
import { eventSchema } from './blocks/base-event.js';
import { opt } from './blocks/helpers.js';
import { identityProviderLinkSchema } from './blocks/identity-provider-link.js';
import { loginIdTypeSchema, userSchema } from './blocks/user.js';

export const userEmailUpdateEventSchema = eventSchema('user.email.update', {
  user: userSchema,
  previousEmail: opt(z.string()),
});
export const userEmailVerifiedEventSchema = eventSchema('user.email.verified', { user: userSchema });
export const userIdentityVerifiedEventSchema = eventSchema('user.identity.verified', {
  user: userSchema,
  loginId: opt(z.string()),
  loginIdType: opt(loginIdTypeSchema),
});
/** In the TS client only: no docs page or example exists. */
export const userIdentityUpdateEventSchema = eventSchema('user.identity.update', {
  user: userSchema,
  loginIdType: opt(loginIdTypeSchema),
  newLoginId: opt(z.string()),
  previousLoginId: opt(z.string()),
});

const link = { user: userSchema, identityProviderLink: opt(identityProviderLinkSchema) };
export const userIdentityProviderLinkEventSchema = eventSchema('user.identity-provider.link', link);
export const userIdentityProviderUnlinkEventSchema = eventSchema('user.identity-provider.unlink', link);

const duplicate = {
  user: userSchema,
  duplicateEmail: opt(z.string()),
  duplicateIdentities: opt(z.array(z.looseObject({ type: opt(loginIdTypeSchema), value: opt(z.string()) }))),
  duplicatePhoneNumber: opt(z.string()),
  duplicateUsername: opt(z.string()),
  /** The user that already holds the login id. */
  existing: opt(userSchema),
};
export const userLoginIdDuplicateCreateEventSchema = eventSchema('user.loginId.duplicate.create', duplicate);
export const userLoginIdDuplicateUpdateEventSchema = eventSchema('user.loginId.duplicate.update', duplicate);

export type UserEmailUpdateEvent = z.output<typeof userEmailUpdateEventSchema>;
export type UserEmailVerifiedEvent = z.output<typeof userEmailVerifiedEventSchema>;
export type UserIdentityVerifiedEvent = z.output<typeof userIdentityVerifiedEventSchema>;
export type UserIdentityUpdateEvent = z.output<typeof userIdentityUpdateEventSchema>;
export type UserIdentityProviderLinkEvent = z.output<typeof userIdentityProviderLinkEventSchema>;
export type UserIdentityProviderUnlinkEvent = z.output<typeof userIdentityProviderUnlinkEventSchema>;
export type UserLoginIdDuplicateCreateEvent = z.output<typeof userLoginIdDuplicateCreateEventSchema>;
export type UserLoginIdDuplicateUpdateEvent = z.output<typeof userLoginIdDuplicateUpdateEventSchema>;
