import { z } from 'zod';
import { ids, logtoEvent, opt, userEntitySchema } from './common.js';

// `data` is the route's response body; absent on most deletions (the route answered 204).
const userData = userEntitySchema.partial().loose();
const role = z.looseObject({
  tenantId: opt(z.string()),
  id: z.string(),
  name: opt(z.string()),
  description: opt(z.string()),
  type: opt(z.string()),
  isDefault: opt(z.boolean()),
});
const scope = z.looseObject({
  tenantId: opt(z.string()),
  id: z.string(),
  resourceId: opt(z.string()),
  name: opt(z.string()),
  description: opt(z.string()),
  createdAt: opt(z.number()),
});
const organization = z.looseObject({
  tenantId: opt(z.string()),
  id: z.string(),
  name: opt(z.string()),
  description: opt(z.string()),
  customData: opt(z.record(z.string(), z.unknown())),
  isMfaRequired: opt(z.boolean()),
  createdAt: opt(z.number()),
});
const organizationRole = role.pick({ tenantId: true, id: true, name: true, description: true, type: true });
const organizationScope = role.pick({ tenantId: true, id: true, name: true, description: true });
const trustedDevice = z.looseObject({ id: z.string(), userId: opt(z.string()), expiresAt: opt(z.number()) });

export const userCreatedSchema = logtoEvent('User.Created', { data: opt(userData) });
export const userDeletedSchema = logtoEvent('User.Deleted', { data: opt(userData) });
/** `data` is the whole user, or only `customData` / `profile` for those routes: see `matchedRoute`. */
export const userDataUpdatedSchema = logtoEvent('User.Data.Updated', { data: opt(userData) });
export const userSuspensionStatusUpdatedSchema = logtoEvent('User.SuspensionStatus.Updated', {
  data: opt(userData),
});

export const roleCreatedSchema = logtoEvent('Role.Created', { data: opt(role) });
export const roleDeletedSchema = logtoEvent('Role.Deleted', { data: opt(role) });
export const roleDataUpdatedSchema = logtoEvent('Role.Data.Updated', { data: opt(role) });
/** `data` lists every scope now on the role (not a delta); absent after a DELETE. */
export const roleScopesUpdatedSchema = logtoEvent('Role.Scopes.Updated', {
  roleId: opt(z.string()),
  data: opt(z.array(scope)),
});

export const scopeCreatedSchema = logtoEvent('Scope.Created', { data: opt(scope) });
export const scopeDeletedSchema = logtoEvent('Scope.Deleted', { data: opt(scope) });
export const scopeDataUpdatedSchema = logtoEvent('Scope.Data.Updated', { data: opt(scope) });

export const organizationCreatedSchema = logtoEvent('Organization.Created', { data: opt(organization) });
export const organizationDeletedSchema = logtoEvent('Organization.Deleted', { data: opt(organization) });
export const organizationDataUpdatedSchema = logtoEvent('Organization.Data.Updated', {
  data: opt(organization),
});
/** The delta arrays exist since Logto 1.40 and are omitted when empty: absent means "unknown or none". */
export const organizationMembershipUpdatedSchema = logtoEvent('Organization.Membership.Updated', {
  organizationId: opt(z.string()),
  addedUserIds: ids,
  removedUserIds: ids,
  addedApplicationIds: ids,
  removedApplicationIds: ids,
});

export const organizationRoleCreatedSchema = logtoEvent('OrganizationRole.Created', {
  data: opt(organizationRole),
});
export const organizationRoleDeletedSchema = logtoEvent('OrganizationRole.Deleted', {
  data: opt(organizationRole),
});
export const organizationRoleDataUpdatedSchema = logtoEvent('OrganizationRole.Data.Updated', {
  data: opt(organizationRole),
});
export const organizationRoleScopesUpdatedSchema = logtoEvent('OrganizationRole.Scopes.Updated', {
  organizationRoleId: opt(z.string()),
});

export const organizationScopeCreatedSchema = logtoEvent('OrganizationScope.Created', {
  data: opt(organizationScope),
});
export const organizationScopeDeletedSchema = logtoEvent('OrganizationScope.Deleted', {
  data: opt(organizationScope),
});
export const organizationScopeDataUpdatedSchema = logtoEvent('OrganizationScope.Data.Updated', {
  data: opt(organizationScope),
});

export const trustedDeviceCreatedSchema = logtoEvent('TrustedDevice.Created', { data: opt(trustedDevice) });
export const trustedDeviceDeletedSchema = logtoEvent('TrustedDevice.Deleted', { data: opt(trustedDevice) });

export type LogtoUserCreatedEvent = z.output<typeof userCreatedSchema>;
export type LogtoUserDeletedEvent = z.output<typeof userDeletedSchema>;
export type LogtoUserDataUpdatedEvent = z.output<typeof userDataUpdatedSchema>;
export type LogtoUserSuspensionStatusUpdatedEvent = z.output<typeof userSuspensionStatusUpdatedSchema>;
export type LogtoRoleCreatedEvent = z.output<typeof roleCreatedSchema>;
export type LogtoRoleDeletedEvent = z.output<typeof roleDeletedSchema>;
export type LogtoRoleDataUpdatedEvent = z.output<typeof roleDataUpdatedSchema>;
export type LogtoRoleScopesUpdatedEvent = z.output<typeof roleScopesUpdatedSchema>;
export type LogtoScopeCreatedEvent = z.output<typeof scopeCreatedSchema>;
export type LogtoScopeDeletedEvent = z.output<typeof scopeDeletedSchema>;
export type LogtoScopeDataUpdatedEvent = z.output<typeof scopeDataUpdatedSchema>;
export type LogtoOrganizationCreatedEvent = z.output<typeof organizationCreatedSchema>;
export type LogtoOrganizationDeletedEvent = z.output<typeof organizationDeletedSchema>;
export type LogtoOrganizationDataUpdatedEvent = z.output<typeof organizationDataUpdatedSchema>;
export type LogtoOrganizationMembershipUpdatedEvent = z.output<typeof organizationMembershipUpdatedSchema>;
export type LogtoOrganizationRoleCreatedEvent = z.output<typeof organizationRoleCreatedSchema>;
export type LogtoOrganizationRoleDeletedEvent = z.output<typeof organizationRoleDeletedSchema>;
export type LogtoOrganizationRoleDataUpdatedEvent = z.output<typeof organizationRoleDataUpdatedSchema>;
export type LogtoOrganizationRoleScopesUpdatedEvent = z.output<typeof organizationRoleScopesUpdatedSchema>;
export type LogtoOrganizationScopeCreatedEvent = z.output<typeof organizationScopeCreatedSchema>;
export type LogtoOrganizationScopeDeletedEvent = z.output<typeof organizationScopeDeletedSchema>;
export type LogtoOrganizationScopeDataUpdatedEvent = z.output<typeof organizationScopeDataUpdatedSchema>;
export type LogtoTrustedDeviceCreatedEvent = z.output<typeof trustedDeviceCreatedSchema>;
export type LogtoTrustedDeviceDeletedEvent = z.output<typeof trustedDeviceDeletedSchema>;
