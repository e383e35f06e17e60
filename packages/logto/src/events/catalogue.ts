import { z } from 'zod';
import { ids, logtoEvent, opt } from './common.js';
import {
  organizationRoleSchema,
  organizationSchema,
  organizationScopeSchema,
  roleSchema,
  scopeSchema,
  trustedDeviceSchema,
  userDataSchema,
} from './data.js';
import { grantLimitExceeded, identifierLockout, messageRateLimited } from './exception.js';
import { adaptiveMfaTriggered, interaction } from './interaction.js';
import { userDataUpdatedUnion } from './user-data-updated.js';

const user = { data: opt(userDataSchema) };
const role = { data: opt(roleSchema) };
const scope = { data: opt(scopeSchema) };
const organization = { data: opt(organizationSchema) };
const organizationRole = { data: opt(organizationRoleSchema) };
const organizationScope = { data: opt(organizationScopeSchema) };
const trustedDevice = { data: opt(trustedDeviceSchema) };
/** Routes that answer 201/204 without a body: Logto sends no `data` (its payload type still allows one). */
const noData = {
  data: opt(z.unknown()).describe('Not sent: the route that fires this event answers without a body.'),
};

/**
 * Every Logto event and its zod schema: the single source of `logtoEventTypes`, `logtoEventSchemas` and
 * (through the generator) the TypeScript interfaces. Internal: the package exports `logtoEventSchemas`.
 */
export const logtoCatalogue = {
  PostRegister: logtoEvent('PostRegister', interaction),
  PostSignIn: logtoEvent('PostSignIn', interaction),
  PostResetPassword: logtoEvent('PostResetPassword', interaction),
  PostSignInAdaptiveMfaTriggered: logtoEvent('PostSignInAdaptiveMfaTriggered', adaptiveMfaTriggered),
  'User.Created': logtoEvent('User.Created', user),
  'User.Deleted': logtoEvent('User.Deleted', user),
  'User.Data.Updated': userDataUpdatedUnion,
  'User.SuspensionStatus.Updated': logtoEvent('User.SuspensionStatus.Updated', user),
  'Role.Created': logtoEvent('Role.Created', role),
  'Role.Deleted': logtoEvent('Role.Deleted', role),
  'Role.Data.Updated': logtoEvent('Role.Data.Updated', role),
  'Role.Scopes.Updated': logtoEvent('Role.Scopes.Updated', {
    roleId: opt(z.string()),
    data: opt(z.array(scopeSchema)).describe(
      'Every scope now on the role (not a delta); absent after a DELETE.',
    ),
  }),
  'Scope.Created': logtoEvent('Scope.Created', scope),
  'Scope.Deleted': logtoEvent('Scope.Deleted', scope),
  'Scope.Data.Updated': logtoEvent('Scope.Data.Updated', scope),
  'Organization.Created': logtoEvent('Organization.Created', organization),
  'Organization.Deleted': logtoEvent('Organization.Deleted', organization),
  'Organization.Data.Updated': logtoEvent('Organization.Data.Updated', organization),
  'Organization.Membership.Updated': logtoEvent('Organization.Membership.Updated', {
    ...noData,
    organizationId: opt(z.string()),
    addedUserIds: ids,
    removedUserIds: ids,
    addedApplicationIds: ids,
    removedApplicationIds: ids,
  }).describe(
    'The delta arrays exist since Logto 1.40 and are omitted when empty: absent means "unknown or none".',
  ),
  'OrganizationRole.Created': logtoEvent('OrganizationRole.Created', organizationRole),
  'OrganizationRole.Deleted': logtoEvent('OrganizationRole.Deleted', organizationRole),
  'OrganizationRole.Data.Updated': logtoEvent('OrganizationRole.Data.Updated', organizationRole),
  'OrganizationRole.Scopes.Updated': logtoEvent('OrganizationRole.Scopes.Updated', {
    ...noData,
    organizationRoleId: opt(z.string()),
  }),
  'OrganizationScope.Created': logtoEvent('OrganizationScope.Created', organizationScope),
  'OrganizationScope.Deleted': logtoEvent('OrganizationScope.Deleted', organizationScope),
  'OrganizationScope.Data.Updated': logtoEvent('OrganizationScope.Data.Updated', organizationScope),
  'TrustedDevice.Created': logtoEvent('TrustedDevice.Created', trustedDevice),
  'TrustedDevice.Deleted': logtoEvent('TrustedDevice.Deleted', trustedDevice),
  'Identifier.Lockout': logtoEvent('Identifier.Lockout', identifierLockout),
  'Message.RateLimited': logtoEvent('Message.RateLimited', messageRateLimited),
  'Grant.LimitExceeded': logtoEvent('Grant.LimitExceeded', grantLimitExceeded),
};
