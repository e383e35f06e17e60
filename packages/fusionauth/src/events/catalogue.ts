import type { z } from 'zod';
import { entity, entityWithOriginal } from './entity-events.js';
import { group, groupWithOriginal } from './group-events.js';
import { groupMembers } from './group-member-events.js';
import {
  emailUpdate,
  emailVerified,
  identityProviderLink,
  identityUpdate,
  identityVerified,
  loginIdDuplicate,
} from './identity-events.js';
import { jwtPublicKeyUpdate, jwtRefresh, jwtRefreshTokenRevoke } from './jwt-events.js';
import { login, loginFailed, loginSuspicious } from './login-events.js';
import { registration, registrationWithOriginal } from './registration-events.js';
import { auditLogCreate, eventLogCreate, kickstartSuccess, testMessage } from './system-events.js';
import { twoFactorAttempt, twoFactorChallenge, twoFactorMethodChange } from './two-factor-events.js';
import { userAction } from './user-action-event.js';
import { bulkUsers, user, userWithOriginal } from './user-events.js';

export type FusionAuthEventScope = 'tenant' | 'instance' | 'application';

/**
 * One FusionAuth event type: its fields beyond the common ones (`type`, `id`, `createInstant`, `info`,
 * `linkedObjectId`, `tenantId`), whether FusionAuth may roll the operation back when webhooks fail, the
 * version that introduced it (null where the docs state none), its scope, and a one-line description.
 */
type Row = readonly [
  fields: z.core.$ZodShape,
  transactional: boolean,
  since: string | null,
  scope: FusionAuthEventScope,
  description: string,
];

/**
 * Every FusionAuth event type, in code-point order: the single source of the type list, the schemas, the
 * metadata and (through the generator) the TypeScript interfaces. From the docs pages (fixtures/SOURCE.md);
 * `user.action` sets no transactional flag, so its page renders it transactional.
 */
export const fusionAuthCatalogue = {
  'audit-log.create': [auditLogCreate, false, '1.30.0', 'instance', 'An audit log entry was created.'],
  'entity.create': [entity, true, '1.69.0', 'tenant', 'An entity is being created.'],
  'entity.create.complete': [entity, false, '1.69.0', 'tenant', 'An entity was created (after commit).'],
  'entity.delete': [entity, true, '1.69.0', 'tenant', 'An entity is being deleted.'],
  'entity.delete.complete': [entity, false, '1.69.0', 'tenant', 'An entity was deleted (after commit).'],
  'entity.update': [entityWithOriginal, true, '1.69.0', 'tenant', 'An entity is being updated.'],
  'entity.update.complete': [
    entityWithOriginal,
    false,
    '1.69.0',
    'tenant',
    'An entity was updated (after commit).',
  ],
  'event-log.create': [
    eventLogCreate,
    false,
    '1.30.0',
    'instance',
    'An event log (system log) entry was created.',
  ],
  'group.create': [group, true, '1.38.0', 'tenant', 'A group is being created.'],
  'group.create.complete': [group, false, '1.38.0', 'tenant', 'A group was created (after commit).'],
  'group.delete': [group, true, '1.38.0', 'tenant', 'A group is being deleted.'],
  'group.delete.complete': [group, false, '1.38.0', 'tenant', 'A group was deleted (after commit).'],
  'group.member.add': [groupMembers, true, '1.38.0', 'tenant', 'Users are being added to a group.'],
  'group.member.add.complete': [
    groupMembers,
    false,
    '1.38.0',
    'tenant',
    'Users were added to a group (after commit).',
  ],
  'group.member.remove': [groupMembers, true, '1.38.0', 'tenant', 'Users are being removed from a group.'],
  'group.member.remove.complete': [
    groupMembers,
    false,
    '1.38.0',
    'tenant',
    'Users were removed from a group (after commit).',
  ],
  'group.member.update': [groupMembers, true, '1.38.0', 'tenant', "A group's members are being replaced."],
  'group.member.update.complete': [
    groupMembers,
    false,
    '1.38.0',
    'tenant',
    "A group's members were replaced (after commit).",
  ],
  'group.update': [groupWithOriginal, true, '1.38.0', 'tenant', 'A group is being updated.'],
  'group.update.complete': [
    groupWithOriginal,
    false,
    '1.38.0',
    'tenant',
    'A group was updated (after commit).',
  ],
  'jwt.public-key.update': [
    jwtPublicKeyUpdate,
    true,
    null,
    'application',
    'A key used to sign JWTs was updated or removed.',
  ],
  'jwt.refresh': [
    jwtRefresh,
    true,
    '1.16.0',
    'application',
    'An access token was refreshed with a refresh token.',
  ],
  'jwt.refresh-token.revoke': [
    jwtRefreshTokenRevoke,
    true,
    null,
    'application',
    'One or more refresh tokens were revoked.',
  ],
  'kickstart.success': [
    kickstartSuccess,
    false,
    '1.30.0',
    'instance',
    'Kickstart finished configuring the instance.',
  ],
  test: [
    testMessage,
    false,
    null,
    'instance',
    'A test message (Kafka integration; TS client `EventType.Test`).',
  ],
  'user.action': [
    userAction,
    true,
    null,
    'application',
    'A user action (e.g. a temporary lock) started, changed or ended.',
  ],
  'user.bulk.create': [bulkUsers, true, null, 'tenant', 'Users are being created by the bulk import API.'],
  'user.create': [user, true, null, 'tenant', 'A user is being created.'],
  'user.create.complete': [user, false, '1.30.0', 'tenant', 'A user was created (after commit).'],
  'user.deactivate': [user, true, null, 'tenant', 'A user is being deactivated.'],
  'user.delete': [user, true, null, 'tenant', 'A user is being deleted.'],
  'user.delete.complete': [user, false, '1.30.0', 'tenant', 'A user was deleted (after commit).'],
  'user.email.update': [emailUpdate, false, '1.30.0', 'tenant', "A user's email address changed."],
  'user.email.verified': [emailVerified, true, '1.8.0', 'tenant', "A user's email address was verified."],
  'user.identity-provider.link': [
    identityProviderLink,
    false,
    '1.36.0',
    'tenant',
    'A user was linked to an identity provider.',
  ],
  'user.identity-provider.unlink': [
    identityProviderLink,
    false,
    '1.36.0',
    'tenant',
    'A user was unlinked from an identity provider.',
  ],
  'user.identity.update': [
    identityUpdate,
    false,
    null,
    'tenant',
    "A user's login id changed (TS client only; no docs page).",
  ],
  'user.identity.verified': [
    identityVerified,
    true,
    '1.59.0',
    'tenant',
    "A user's identity (email or phone number) was verified.",
  ],
  'user.login.failed': [loginFailed, true, '1.6.0', 'application', 'A login attempt failed.'],
  'user.login.new-device': [login, true, '1.30.0', 'tenant', 'A user logged in from a new device.'],
  'user.login.success': [login, true, '1.6.0', 'application', 'A user logged in.'],
  'user.login.suspicious': [
    loginSuspicious,
    true,
    '1.30.0',
    'tenant',
    'A login looked suspicious (threat detection).',
  ],
  'user.loginId.duplicate.create': [
    loginIdDuplicate,
    false,
    '1.30.0',
    'application',
    'A user tried to register with a login id another user holds.',
  ],
  'user.loginId.duplicate.update': [
    loginIdDuplicate,
    false,
    '1.30.0',
    'tenant',
    'A user tried to change to a login id another user holds.',
  ],
  'user.password.breach': [
    user,
    true,
    '1.15.0',
    'tenant',
    "A user's password was found in a breach (Reactor).",
  ],
  'user.password.reset.send': [
    user,
    false,
    '1.30.0',
    'tenant',
    'A forgot-password email or message was sent.',
  ],
  'user.password.reset.start': [user, false, '1.30.0', 'tenant', 'A password reset workflow started.'],
  'user.password.reset.success': [user, false, '1.30.0', 'tenant', 'A password reset finished.'],
  'user.password.update': [user, false, '1.30.0', 'tenant', "A user's password changed."],
  'user.reactivate': [user, true, null, 'tenant', 'A user is being reactivated.'],
  'user.registration.create': [
    registration,
    true,
    '1.6.0',
    'tenant',
    'A user is being registered to an application.',
  ],
  'user.registration.create.complete': [
    registration,
    false,
    '1.30.0',
    'tenant',
    'A user was registered to an application (after commit).',
  ],
  'user.registration.delete': [registration, true, '1.6.0', 'tenant', 'A registration is being deleted.'],
  'user.registration.delete.complete': [
    registration,
    false,
    '1.30.0',
    'application',
    'A registration was deleted (after commit).',
  ],
  'user.registration.update': [
    registrationWithOriginal,
    true,
    '1.6.0',
    'tenant',
    'A registration is being updated.',
  ],
  'user.registration.update.complete': [
    registrationWithOriginal,
    false,
    '1.30.0',
    'application',
    'A registration was updated (after commit).',
  ],
  'user.registration.verified': [registration, true, '1.8.0', 'tenant', 'A registration was verified.'],
  'user.two-factor.challenge': [
    twoFactorChallenge,
    false,
    '1.68.0',
    'tenant',
    'A user was asked for a second factor.',
  ],
  'user.two-factor.failed-attempt': [
    twoFactorAttempt,
    false,
    '1.68.0',
    'tenant',
    'A second-factor code was wrong.',
  ],
  'user.two-factor.method.add': [
    twoFactorMethodChange,
    false,
    '1.30.0',
    'tenant',
    'A user added a two-factor method.',
  ],
  'user.two-factor.method.remove': [
    twoFactorMethodChange,
    false,
    '1.30.0',
    'tenant',
    'A user removed a two-factor method.',
  ],
  'user.two-factor.success': [
    twoFactorAttempt,
    false,
    '1.68.0',
    'tenant',
    'A user completed a second-factor challenge.',
  ],
  'user.update': [
    userWithOriginal,
    true,
    '1.6.0',
    'tenant',
    'A user is being updated (also on every identity-provider login).',
  ],
  'user.update.complete': [
    userWithOriginal,
    false,
    '1.30.0',
    'application',
    'A user was updated (after commit).',
  ],
} as const satisfies Readonly<Record<string, Row>>;

/**
 * Other spellings FusionAuth uses on the wire, mapped to the canonical type: the docs page of the
 * failed-attempt event and its example spell it `failed.attempt`; the API list and the TS client
 * `failed-attempt`.
 */
export const fusionAuthTypeAliases = {
  'user.two-factor.failed.attempt': 'user.two-factor.failed-attempt',
} as const satisfies Readonly<Record<string, keyof typeof fusionAuthCatalogue>>;
