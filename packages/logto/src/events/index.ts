import type { EventSchemas } from '@authhooks/core';
import type { z } from 'zod';
import * as data from './data.js';
import * as exception from './exception.js';
import * as interaction from './interaction.js';

export { type LogtoUser, userEntitySchema } from './common.js';
export * from './data.js';
export * from './exception.js';
export * from './interaction.js';

export const logtoEventSchemas = {
  PostRegister: interaction.postRegisterSchema,
  PostSignIn: interaction.postSignInSchema,
  PostResetPassword: interaction.postResetPasswordSchema,
  PostSignInAdaptiveMfaTriggered: interaction.postSignInAdaptiveMfaTriggeredSchema,
  'User.Created': data.userCreatedSchema,
  'User.Deleted': data.userDeletedSchema,
  'User.Data.Updated': data.userDataUpdatedSchema,
  'User.SuspensionStatus.Updated': data.userSuspensionStatusUpdatedSchema,
  'Role.Created': data.roleCreatedSchema,
  'Role.Deleted': data.roleDeletedSchema,
  'Role.Data.Updated': data.roleDataUpdatedSchema,
  'Role.Scopes.Updated': data.roleScopesUpdatedSchema,
  'Scope.Created': data.scopeCreatedSchema,
  'Scope.Deleted': data.scopeDeletedSchema,
  'Scope.Data.Updated': data.scopeDataUpdatedSchema,
  'Organization.Created': data.organizationCreatedSchema,
  'Organization.Deleted': data.organizationDeletedSchema,
  'Organization.Data.Updated': data.organizationDataUpdatedSchema,
  'Organization.Membership.Updated': data.organizationMembershipUpdatedSchema,
  'OrganizationRole.Created': data.organizationRoleCreatedSchema,
  'OrganizationRole.Deleted': data.organizationRoleDeletedSchema,
  'OrganizationRole.Data.Updated': data.organizationRoleDataUpdatedSchema,
  'OrganizationRole.Scopes.Updated': data.organizationRoleScopesUpdatedSchema,
  'OrganizationScope.Created': data.organizationScopeCreatedSchema,
  'OrganizationScope.Deleted': data.organizationScopeDeletedSchema,
  'OrganizationScope.Data.Updated': data.organizationScopeDataUpdatedSchema,
  'TrustedDevice.Created': data.trustedDeviceCreatedSchema,
  'TrustedDevice.Deleted': data.trustedDeviceDeletedSchema,
  'Identifier.Lockout': exception.identifierLockoutSchema,
  'Message.RateLimited': exception.messageRateLimitedSchema,
  'Grant.LimitExceeded': exception.grantLimitExceededSchema,
} as const;

export type LogtoEventMap = {
  [K in keyof typeof logtoEventSchemas]: z.output<(typeof logtoEventSchemas)[K]>;
};
export type LogtoEventType = keyof LogtoEventMap;
export type LogtoEvent = LogtoEventMap[LogtoEventType];

export const logtoEventTypes = Object.freeze(Object.keys(logtoEventSchemas)) as readonly LogtoEventType[];

logtoEventSchemas satisfies EventSchemas<LogtoEventMap>;
