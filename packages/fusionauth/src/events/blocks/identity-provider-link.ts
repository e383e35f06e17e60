import { z } from 'zod';
import type { IdentityProviderLink } from '../generated/types.js';
import { instant, jsonObject, opt } from './helpers.js';

export const identityProviderLinkObject = z.looseObject({
  data: opt(jsonObject()),
  displayName: opt(z.string()),
  identityProviderId: opt(z.string()),
  identityProviderName: opt(z.string()),
  identityProviderType: opt(z.string()),
  identityProviderUserId: opt(z.string()),
  insertInstant: opt(instant()),
  lastLoginInstant: opt(instant()),
  tenantId: opt(z.string()),
  token: opt(z.string()),
  userId: opt(z.string()),
});
export const identityProviderLinkSchema: z.ZodType<IdentityProviderLink> = identityProviderLinkObject;
