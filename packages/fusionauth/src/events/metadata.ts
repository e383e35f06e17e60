import { fusionAuthTypeAliases as aliases, type FusionAuthEventType } from './event-types.js';

export interface FusionAuthEventMetadata {
  /** FusionAuth may roll back the triggering operation when webhooks fail (see the tenant's transaction type). */
  readonly transactional: boolean;
  /** The FusionAuth version that introduced the event; null where the docs state none (pre-1.6 events). */
  readonly since: string | null;
  /** `instance`: system event, not tenant-scoped. `application`: tenant-or-application scoped before 1.37.0. */
  readonly scope: 'tenant' | 'instance' | 'application';
  readonly description: string;
}

type Row = readonly [
  transactional: boolean,
  since: string | null,
  scope: FusionAuthEventMetadata['scope'],
  string,
];

// From the docs pages (fixtures/SOURCE.md). `user.action` sets no flag, so the page renders it transactional.
const rows: { readonly [K in FusionAuthEventType]: Row } = {
  'audit-log.create': [false, '1.30.0', 'instance', 'An audit log entry was created.'],
  'entity.create': [true, '1.69.0', 'tenant', 'An entity is being created.'],
  'entity.create.complete': [false, '1.69.0', 'tenant', 'An entity was created (after commit).'],
  'entity.delete': [true, '1.69.0', 'tenant', 'An entity is being deleted.'],
  'entity.delete.complete': [false, '1.69.0', 'tenant', 'An entity was deleted (after commit).'],
  'entity.update': [true, '1.69.0', 'tenant', 'An entity is being updated.'],
  'entity.update.complete': [false, '1.69.0', 'tenant', 'An entity was updated (after commit).'],
  'event-log.create': [false, '1.30.0', 'instance', 'An event log (system log) entry was created.'],
  'group.create': [true, '1.38.0', 'tenant', 'A group is being created.'],
  'group.create.complete': [false, '1.38.0', 'tenant', 'A group was created (after commit).'],
  'group.delete': [true, '1.38.0', 'tenant', 'A group is being deleted.'],
  'group.delete.complete': [false, '1.38.0', 'tenant', 'A group was deleted (after commit).'],
  'group.member.add': [true, '1.38.0', 'tenant', 'Users are being added to a group.'],
  'group.member.add.complete': [false, '1.38.0', 'tenant', 'Users were added to a group (after commit).'],
  'group.member.remove': [true, '1.38.0', 'tenant', 'Users are being removed from a group.'],
  'group.member.remove.complete': [
    false,
    '1.38.0',
    'tenant',
    'Users were removed from a group (after commit).',
  ],
  'group.member.update': [true, '1.38.0', 'tenant', "A group's members are being replaced."],
  'group.member.update.complete': [
    false,
    '1.38.0',
    'tenant',
    "A group's members were replaced (after commit).",
  ],
  'group.update': [true, '1.38.0', 'tenant', 'A group is being updated.'],
  'group.update.complete': [false, '1.38.0', 'tenant', 'A group was updated (after commit).'],
  'jwt.public-key.update': [true, null, 'application', 'A key used to sign JWTs was updated or removed.'],
  'jwt.refresh': [true, '1.16.0', 'application', 'An access token was refreshed with a refresh token.'],
  'jwt.refresh-token.revoke': [true, null, 'application', 'One or more refresh tokens were revoked.'],
  'kickstart.success': [false, '1.30.0', 'instance', 'Kickstart finished configuring the instance.'],
  test: [false, null, 'instance', 'A test message (Kafka integration; TS client `EventType.Test`).'],
  'user.action': [
    true,
    null,
    'application',
    'A user action (e.g. a temporary lock) started, changed or ended.',
  ],
  'user.bulk.create': [true, null, 'tenant', 'Users are being created by the bulk import API.'],
  'user.create': [true, null, 'tenant', 'A user is being created.'],
  'user.create.complete': [false, '1.30.0', 'tenant', 'A user was created (after commit).'],
  'user.deactivate': [true, null, 'tenant', 'A user is being deactivated.'],
  'user.delete': [true, null, 'tenant', 'A user is being deleted.'],
  'user.delete.complete': [false, '1.30.0', 'tenant', 'A user was deleted (after commit).'],
  'user.email.update': [false, '1.30.0', 'tenant', "A user's email address changed."],
  'user.email.verified': [true, '1.8.0', 'tenant', "A user's email address was verified."],
  'user.identity-provider.link': [false, '1.36.0', 'tenant', 'A user was linked to an identity provider.'],
  'user.identity-provider.unlink': [
    false,
    '1.36.0',
    'tenant',
    'A user was unlinked from an identity provider.',
  ],
  'user.identity.update': [
    false,
    null,
    'tenant',
    "A user's login id changed (TS client only; no docs page).",
  ],
  'user.identity.verified': [
    true,
    '1.59.0',
    'tenant',
    "A user's identity (email or phone number) was verified.",
  ],
  'user.login.failed': [true, '1.6.0', 'application', 'A login attempt failed.'],
  'user.login.new-device': [true, '1.30.0', 'tenant', 'A user logged in from a new device.'],
  'user.login.success': [true, '1.6.0', 'application', 'A user logged in.'],
  'user.login.suspicious': [true, '1.30.0', 'tenant', 'A login looked suspicious (threat detection).'],
  'user.loginId.duplicate.create': [
    false,
    '1.30.0',
    'application',
    'A user tried to register with a login id another user holds.',
  ],
  'user.loginId.duplicate.update': [
    false,
    '1.30.0',
    'tenant',
    'A user tried to change to a login id another user holds.',
  ],
  'user.password.breach': [true, '1.15.0', 'tenant', "A user's password was found in a breach (Reactor)."],
  'user.password.reset.send': [false, '1.30.0', 'tenant', 'A forgot-password email or message was sent.'],
  'user.password.reset.start': [false, '1.30.0', 'tenant', 'A password reset workflow started.'],
  'user.password.reset.success': [false, '1.30.0', 'tenant', 'A password reset finished.'],
  'user.password.update': [false, '1.30.0', 'tenant', "A user's password changed."],
  'user.reactivate': [true, null, 'tenant', 'A user is being reactivated.'],
  'user.registration.create': [true, '1.6.0', 'tenant', 'A user is being registered to an application.'],
  'user.registration.create.complete': [
    false,
    '1.30.0',
    'tenant',
    'A user was registered to an application (after commit).',
  ],
  'user.registration.delete': [true, '1.6.0', 'tenant', 'A registration is being deleted.'],
  'user.registration.delete.complete': [
    false,
    '1.30.0',
    'application',
    'A registration was deleted (after commit).',
  ],
  'user.registration.update': [true, '1.6.0', 'tenant', 'A registration is being updated.'],
  'user.registration.update.complete': [
    false,
    '1.30.0',
    'application',
    'A registration was updated (after commit).',
  ],
  'user.registration.verified': [true, '1.8.0', 'tenant', 'A registration was verified.'],
  'user.two-factor.challenge': [false, '1.68.0', 'tenant', 'A user was asked for a second factor.'],
  'user.two-factor.failed-attempt': [false, '1.68.0', 'tenant', 'A second-factor code was wrong.'],
  'user.two-factor.method.add': [false, '1.30.0', 'tenant', 'A user added a two-factor method.'],
  'user.two-factor.method.remove': [false, '1.30.0', 'tenant', 'A user removed a two-factor method.'],
  'user.two-factor.success': [false, '1.68.0', 'tenant', 'A user completed a second-factor challenge.'],
  'user.update': [
    true,
    '1.6.0',
    'tenant',
    'A user is being updated (also on every identity-provider login).',
  ],
  'user.update.complete': [false, '1.30.0', 'application', 'A user was updated (after commit).'],
};

export const fusionAuthEventMetadata = Object.fromEntries(
  Object.entries(rows).map(([type, [transactional, since, scope, description]]) => [
    type,
    { transactional, since, scope, description },
  ]),
) as { readonly [K in FusionAuthEventType]: FusionAuthEventMetadata };

/** Whether FusionAuth may roll back on a failed delivery of this type; false for unknown types. */
export function isTransactional(type: string): boolean {
  const canonical = (aliases as Readonly<Record<string, string>>)[type] ?? type;
  return Object.hasOwn(fusionAuthEventMetadata, canonical)
    ? fusionAuthEventMetadata[canonical as FusionAuthEventType].transactional
    : false;
}
