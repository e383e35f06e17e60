import { applicationObject, userEntityObject, userProfileObject } from './common.js';
import {
  organizationObject,
  organizationRoleObject,
  organizationScopeObject,
  roleObject,
  scopeObject,
  trustedDeviceObject,
  userDataObject,
} from './data.js';
import {
  userDataUpdatedCustomDataObject,
  userDataUpdatedProfileObject,
  userDataUpdatedUserObject,
} from './user-data-updated.js';

/**
 * The objects events share, by the name of their generated interface: the generator prints one
 * interface each and refers to it by name (see common.ts for the `…Object` / `…Schema` pairs).
 */
export const logtoBlocks = {
  LogtoApplication: applicationObject,
  LogtoOrganization: organizationObject,
  LogtoOrganizationRole: organizationRoleObject,
  LogtoOrganizationScope: organizationScopeObject,
  LogtoRole: roleObject,
  LogtoScope: scopeObject,
  LogtoTrustedDevice: trustedDeviceObject,
  LogtoUser: userEntityObject,
  LogtoUserData: userDataObject,
  LogtoUserProfile: userProfileObject,
  LogtoUserDataUpdatedUserEvent: userDataUpdatedUserObject,
  LogtoUserDataUpdatedCustomDataEvent: userDataUpdatedCustomDataObject,
  LogtoUserDataUpdatedProfileEvent: userDataUpdatedProfileObject,
};
