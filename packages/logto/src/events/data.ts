import { z } from 'zod';
import { jsonObject, opt, userEntityObject } from './common.js';
import type {
  LogtoOrganization,
  LogtoOrganizationRole,
  LogtoOrganizationScope,
  LogtoRole,
  LogtoScope,
  LogtoTrustedDevice,
  LogtoUserData,
} from './generated/types.js';

// What data events carry in `data`: the route's response body (absent on most deletions, which answer 204).
// `…Object` is the zod object, `…Schema` the same typed by its generated interface (see common.ts).

export const userDataObject = userEntityObject
  .partial()
  .loose()
  .describe('The user in `data` of `User.*` events: the route’s response, or the user without a route.');
export const userDataSchema: z.ZodType<LogtoUserData> = userDataObject;

export const roleObject = z.looseObject({
  tenantId: opt(z.string()),
  id: z.string(),
  name: opt(z.string()),
  description: opt(z.string()),
  type: opt(z.string()),
  isDefault: opt(z.boolean()),
});
export const roleSchema: z.ZodType<LogtoRole> = roleObject;

export const scopeObject = z.looseObject({
  tenantId: opt(z.string()),
  id: z.string(),
  resourceId: opt(z.string()),
  name: opt(z.string()),
  description: opt(z.string()),
  createdAt: opt(z.number()),
});
export const scopeSchema: z.ZodType<LogtoScope> = scopeObject;

export const organizationObject = z.looseObject({
  tenantId: opt(z.string()),
  id: z.string(),
  name: opt(z.string()),
  description: opt(z.string()),
  customData: opt(jsonObject),
  isMfaRequired: opt(z.boolean()),
  isTrustedDeviceAllowed: opt(z.boolean()),
  color: opt(
    z
      .looseObject({
        primaryColor: opt(z.string()),
        isDarkModeEnabled: opt(z.boolean()),
        darkPrimaryColor: opt(z.string()),
      })
      .describe('The organization’s brand colours (`PartialColor`).'),
  ),
  branding: opt(
    z
      .looseObject({
        logoUrl: opt(z.string()),
        darkLogoUrl: opt(z.string()),
        favicon: opt(z.string()),
        darkFavicon: opt(z.string()),
      })
      .describe('The organization’s logos and favicons (`Branding`).'),
  ),
  customCss: opt(z.string()),
  createdAt: opt(z.number()),
});
export const organizationSchema: z.ZodType<LogtoOrganization> = organizationObject;

export const organizationRoleObject = roleObject.pick({
  tenantId: true,
  id: true,
  name: true,
  description: true,
  type: true,
});
export const organizationRoleSchema: z.ZodType<LogtoOrganizationRole> = organizationRoleObject;

export const organizationScopeObject = roleObject.pick({
  tenantId: true,
  id: true,
  name: true,
  description: true,
});
export const organizationScopeSchema: z.ZodType<LogtoOrganizationScope> = organizationScopeObject;

export const trustedDeviceObject = z.looseObject({
  id: z.string(),
  userId: opt(z.string()),
  expiresAt: opt(z.number()),
});
export const trustedDeviceSchema: z.ZodType<LogtoTrustedDevice> = trustedDeviceObject;
