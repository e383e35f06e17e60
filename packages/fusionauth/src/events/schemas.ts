import type { z } from 'zod';
import {
  entityCreateCompleteEventSchema,
  entityCreateEventSchema,
  entityDeleteCompleteEventSchema,
  entityDeleteEventSchema,
  entityUpdateCompleteEventSchema,
  entityUpdateEventSchema,
} from './entity-events.js';
import type { FusionAuthEventType } from './event-types.js';
import {
  groupCreateCompleteEventSchema,
  groupCreateEventSchema,
  groupDeleteCompleteEventSchema,
  groupDeleteEventSchema,
  groupUpdateCompleteEventSchema,
  groupUpdateEventSchema,
} from './group-events.js';
import {
  groupMemberAddCompleteEventSchema,
  groupMemberAddEventSchema,
  groupMemberRemoveCompleteEventSchema,
  groupMemberRemoveEventSchema,
  groupMemberUpdateCompleteEventSchema,
  groupMemberUpdateEventSchema,
} from './group-member-events.js';
import {
  userEmailUpdateEventSchema,
  userEmailVerifiedEventSchema,
  userIdentityProviderLinkEventSchema,
  userIdentityProviderUnlinkEventSchema,
  userIdentityUpdateEventSchema,
  userIdentityVerifiedEventSchema,
  userLoginIdDuplicateCreateEventSchema,
  userLoginIdDuplicateUpdateEventSchema,
} from './identity-events.js';
import {
  jwtPublicKeyUpdateEventSchema,
  jwtRefreshEventSchema,
  jwtRefreshTokenRevokeEventSchema,
} from './jwt-events.js';
import {
  userLoginFailedEventSchema,
  userLoginNewDeviceEventSchema,
  userLoginSuccessEventSchema,
  userLoginSuspiciousEventSchema,
} from './login-events.js';
import {
  userPasswordBreachEventSchema,
  userPasswordResetSendEventSchema,
  userPasswordResetStartEventSchema,
  userPasswordResetSuccessEventSchema,
  userPasswordUpdateEventSchema,
} from './password-events.js';
import {
  userRegistrationCreateCompleteEventSchema,
  userRegistrationCreateEventSchema,
  userRegistrationDeleteCompleteEventSchema,
  userRegistrationDeleteEventSchema,
  userRegistrationUpdateCompleteEventSchema,
  userRegistrationUpdateEventSchema,
  userRegistrationVerifiedEventSchema,
} from './registration-events.js';
import {
  auditLogCreateEventSchema,
  eventLogCreateEventSchema,
  kickstartSuccessEventSchema,
  testEventSchema,
} from './system-events.js';
import {
  userTwoFactorChallengeEventSchema,
  userTwoFactorFailedAttemptEventSchema,
  userTwoFactorMethodAddEventSchema,
  userTwoFactorMethodRemoveEventSchema,
  userTwoFactorSuccessEventSchema,
} from './two-factor-events.js';
import { userActionEventSchema } from './user-action-event.js';
import {
  userBulkCreateEventSchema,
  userCreateCompleteEventSchema,
  userCreateEventSchema,
  userDeactivateEventSchema,
  userDeleteCompleteEventSchema,
  userDeleteEventSchema,
  userReactivateEventSchema,
  userUpdateCompleteEventSchema,
  userUpdateEventSchema,
} from './user-events.js';

/** Event type → zod schema (each keeps its own type). */
export const fusionAuthEventSchemas = {
  'audit-log.create': auditLogCreateEventSchema,
  'entity.create': entityCreateEventSchema,
  'entity.create.complete': entityCreateCompleteEventSchema,
  'entity.delete': entityDeleteEventSchema,
  'entity.delete.complete': entityDeleteCompleteEventSchema,
  'entity.update': entityUpdateEventSchema,
  'entity.update.complete': entityUpdateCompleteEventSchema,
  'event-log.create': eventLogCreateEventSchema,
  'group.create': groupCreateEventSchema,
  'group.create.complete': groupCreateCompleteEventSchema,
  'group.delete': groupDeleteEventSchema,
  'group.delete.complete': groupDeleteCompleteEventSchema,
  'group.member.add': groupMemberAddEventSchema,
  'group.member.add.complete': groupMemberAddCompleteEventSchema,
  'group.member.remove': groupMemberRemoveEventSchema,
  'group.member.remove.complete': groupMemberRemoveCompleteEventSchema,
  'group.member.update': groupMemberUpdateEventSchema,
  'group.member.update.complete': groupMemberUpdateCompleteEventSchema,
  'group.update': groupUpdateEventSchema,
  'group.update.complete': groupUpdateCompleteEventSchema,
  'jwt.public-key.update': jwtPublicKeyUpdateEventSchema,
  'jwt.refresh': jwtRefreshEventSchema,
  'jwt.refresh-token.revoke': jwtRefreshTokenRevokeEventSchema,
  'kickstart.success': kickstartSuccessEventSchema,
  test: testEventSchema,
  'user.action': userActionEventSchema,
  'user.bulk.create': userBulkCreateEventSchema,
  'user.create': userCreateEventSchema,
  'user.create.complete': userCreateCompleteEventSchema,
  'user.deactivate': userDeactivateEventSchema,
  'user.delete': userDeleteEventSchema,
  'user.delete.complete': userDeleteCompleteEventSchema,
  'user.email.update': userEmailUpdateEventSchema,
  'user.email.verified': userEmailVerifiedEventSchema,
  'user.identity-provider.link': userIdentityProviderLinkEventSchema,
  'user.identity-provider.unlink': userIdentityProviderUnlinkEventSchema,
  'user.identity.update': userIdentityUpdateEventSchema,
  'user.identity.verified': userIdentityVerifiedEventSchema,
  'user.login.failed': userLoginFailedEventSchema,
  'user.login.new-device': userLoginNewDeviceEventSchema,
  'user.login.success': userLoginSuccessEventSchema,
  'user.login.suspicious': userLoginSuspiciousEventSchema,
  'user.loginId.duplicate.create': userLoginIdDuplicateCreateEventSchema,
  'user.loginId.duplicate.update': userLoginIdDuplicateUpdateEventSchema,
  'user.password.breach': userPasswordBreachEventSchema,
  'user.password.reset.send': userPasswordResetSendEventSchema,
  'user.password.reset.start': userPasswordResetStartEventSchema,
  'user.password.reset.success': userPasswordResetSuccessEventSchema,
  'user.password.update': userPasswordUpdateEventSchema,
  'user.reactivate': userReactivateEventSchema,
  'user.registration.create': userRegistrationCreateEventSchema,
  'user.registration.create.complete': userRegistrationCreateCompleteEventSchema,
  'user.registration.delete': userRegistrationDeleteEventSchema,
  'user.registration.delete.complete': userRegistrationDeleteCompleteEventSchema,
  'user.registration.update': userRegistrationUpdateEventSchema,
  'user.registration.update.complete': userRegistrationUpdateCompleteEventSchema,
  'user.registration.verified': userRegistrationVerifiedEventSchema,
  'user.two-factor.challenge': userTwoFactorChallengeEventSchema,
  'user.two-factor.failed-attempt': userTwoFactorFailedAttemptEventSchema,
  'user.two-factor.method.add': userTwoFactorMethodAddEventSchema,
  'user.two-factor.method.remove': userTwoFactorMethodRemoveEventSchema,
  'user.two-factor.success': userTwoFactorSuccessEventSchema,
  'user.update': userUpdateEventSchema,
  'user.update.complete': userUpdateCompleteEventSchema,
} as const satisfies { readonly [K in FusionAuthEventType]: z.ZodType };

export type FusionAuthEventSchemas = typeof fusionAuthEventSchemas;

/** Event type → validated event type. */
export type FusionAuthEventMap = {
  [K in FusionAuthEventType]: z.output<FusionAuthEventSchemas[K]>;
};

/** Any FusionAuth event, discriminated on `type`. */
export type FusionAuthEvent = FusionAuthEventMap[FusionAuthEventType];
