import { auditLogObject } from './blocks/audit-log.js';
import { baseEventObject } from './blocks/base-event.js';
import { entityObject, entityTypeObject, entityTypePermissionObject } from './blocks/entity.js';
import { eventInfoObject } from './blocks/event-info.js';
import { eventLogObject } from './blocks/event-log.js';
import { applicationRoleObject, groupObject } from './blocks/group.js';
import { groupMemberObject } from './blocks/group-member.js';
import { identityProviderLinkObject } from './blocks/identity-provider-link.js';
import { locationObject } from './blocks/location.js';
import { refreshTokenObject } from './blocks/refresh-token.js';
import { twoFactorMethodObject, userTwoFactorObject } from './blocks/two-factor-method.js';
import { userIdentityObject, userObject } from './blocks/user.js';
import {
  userRegistrationObject,
  userRegistrationWithApplicationIdObject,
} from './blocks/user-registration.js';
import { loginFailureReasonObject } from './login-events.js';
import { emailAddressObject, emailObject } from './user-action-event.js';

/**
 * The objects events share, by the name of their generated interface (the generator prints one
 * interface each and refers to it by name; the JSON Schemas put them in `$defs`). Each is exported
 * twice by its module: `…Object`, the zod object, whose output type the type tests compare with the
 * interface; and `…Schema`, the same object typed `z.ZodType<Interface>`, which is what the package
 * exports, so that its `.d.ts` names the interface instead of spelling out zod's types.
 */
export const fusionAuthBlocks = {
  ApplicationRole: applicationRoleObject,
  AuditLog: auditLogObject,
  BaseEvent: baseEventObject,
  Email: emailObject,
  EmailAddress: emailAddressObject,
  Entity: entityObject,
  EntityType: entityTypeObject,
  EntityTypePermission: entityTypePermissionObject,
  EventInfo: eventInfoObject,
  EventLog: eventLogObject,
  Group: groupObject,
  GroupMember: groupMemberObject,
  IdentityProviderLink: identityProviderLinkObject,
  Location: locationObject,
  LoginFailureReason: loginFailureReasonObject,
  RefreshToken: refreshTokenObject,
  TwoFactorMethod: twoFactorMethodObject,
  User: userObject,
  UserIdentity: userIdentityObject,
  UserRegistration: userRegistrationObject,
  UserRegistrationWithApplicationId: userRegistrationWithApplicationIdObject,
  UserTwoFactor: userTwoFactorObject,
};
