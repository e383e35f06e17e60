export { type OpenEnum, openEnum } from '@authhooks/core';
export { auditLogSchema } from './blocks/audit-log.js';
export { baseEventSchema, baseEventShape, eventSchema } from './blocks/base-event.js';
export { entitySchema, entityTypePermissionSchema, entityTypeSchema } from './blocks/entity.js';
export { eventInfoSchema } from './blocks/event-info.js';
export { eventLogSchema } from './blocks/event-log.js';
export { applicationRoleSchema, groupSchema } from './blocks/group.js';
export { groupMemberSchema } from './blocks/group-member.js';
export { identityProviderLinkSchema } from './blocks/identity-provider-link.js';
export { locationSchema } from './blocks/location.js';
export { refreshTokenSchema } from './blocks/refresh-token.js';
export { twoFactorMethodSchema, userTwoFactorSchema } from './blocks/two-factor-method.js';
export { loginIdTypeSchema, userIdentitySchema, userSchema } from './blocks/user.js';
export {
  usernameStatusSchema,
  userRegistrationSchema,
  userRegistrationWithApplicationIdSchema,
} from './blocks/user-registration.js';
export type { FusionAuthEventScope } from './catalogue.js';
export { fusionAuthEventTypes, fusionAuthTypeAliases } from './event-types.js';
export * from './generated/schemas.js';
export type * from './generated/types.js';
export {
  authenticationThreatSchema,
  authenticationTypeSchema,
  loginFailureReasonSchema,
} from './login-events.js';
export { type FusionAuthEventMetadata, fusionAuthEventMetadata, isTransactional } from './metadata.js';
export { type FusionAuthEventSchemas, fusionAuthEventSchemas } from './schemas.js';
export { clientRiskSchema, messageTypeSchema } from './two-factor-events.js';
export { emailAddressSchema, emailSchema } from './user-action-event.js';
