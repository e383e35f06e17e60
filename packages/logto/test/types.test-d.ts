import { describe, expectTypeOf, it } from 'vitest';
import {
  type LogtoEventMap,
  type LogtoUser,
  type LogtoUserData,
  type LogtoUserDataUpdatedEvent,
  type LogtoUserProfile,
  logtoReceiver,
} from '../src/index.js';

describe('Logto typing', () => {
  it('handlers see their event', () => {
    logtoReceiver({ signingKey: 'k' })
      .on('User.Created', (event, ctx) => {
        expectTypeOf(event.event).toEqualTypeOf<'User.Created'>();
        expectTypeOf(event.data).toEqualTypeOf<LogtoEventMap['User.Created']['data']>();
        expectTypeOf(ctx.hookId).toEqualTypeOf<string | undefined>();
      })
      .on('PostSignIn', (event) => {
        expectTypeOf(event.user).toEqualTypeOf<LogtoUser | null | undefined>();
        expectTypeOf(event.createdAt).toEqualTypeOf<string>();
      })
      .on('Organization.*', (event) => {
        expectTypeOf(event.event).toEqualTypeOf<
          | 'Organization.Created'
          | 'Organization.Deleted'
          | 'Organization.Data.Updated'
          | 'Organization.Membership.Updated'
        >();
      });
    // @ts-expect-error Logto names are PascalCase
    logtoReceiver({ signingKey: 'k' }).on('user.created', () => {});
  });

  it('User.Data.Updated: matchedRoute narrows data', () => {
    logtoReceiver({ signingKey: 'k' }).on('User.Data.Updated', (event) => {
      expectTypeOf(event).toEqualTypeOf<LogtoUserDataUpdatedEvent>();
      if (event.matchedRoute === '/users/:userId/custom-data') {
        expectTypeOf(event.data).toEqualTypeOf<Record<string, unknown> | null | undefined>();
      } else if (event.matchedRoute === '/users/:userId/profile') {
        expectTypeOf(event.data).toEqualTypeOf<LogtoUserProfile | null | undefined>();
        expectTypeOf(event.data?.profile).toEqualTypeOf<string | null | undefined>();
      } else {
        expectTypeOf(event.matchedRoute).toEqualTypeOf<
          '/users/:userId' | '/users/:userId/password' | null | undefined
        >();
        expectTypeOf(event.data).toEqualTypeOf<LogtoUserData | null | undefined>();
        expectTypeOf(event.data?.profile).toEqualTypeOf<LogtoUserProfile | null | undefined>();
      }
      switch (event.matchedRoute) {
        case '/users/:userId/profile':
          expectTypeOf(event.data).toEqualTypeOf<LogtoUserProfile | null | undefined>();
          break;
        case '/users/:userId':
        case '/users/:userId/password':
          expectTypeOf(event.data).toEqualTypeOf<LogtoUserData | null | undefined>();
          break;
      }
    });
  });

  it('a user’s profile is the profile object; other User.* events carry the user', () => {
    expectTypeOf<LogtoUser['profile']>().toEqualTypeOf<LogtoUserProfile | null | undefined>();
    expectTypeOf<LogtoEventMap['User.SuspensionStatus.Updated']['data']>().toEqualTypeOf<
      LogtoUserData | null | undefined
    >();
  });
});

// Against @logto/schemas 1.43 (issue 18 item 17): CIMD clients, on the user and on every payload.
describe('fields of the official Logto model', () => {
  it('cimdClientId on the user, on experience payloads and on Grant.LimitExceeded', () => {
    expectTypeOf<LogtoUser['cimdClientId']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<LogtoEventMap['PostSignIn']['cimdClientId']>().toEqualTypeOf<string | null | undefined>();
    type Grant = LogtoEventMap['Grant.LimitExceeded'];
    expectTypeOf<Grant['cimdClientId']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<Grant['applicationId']>().toEqualTypeOf<string | null | undefined>();
  });

  it('the organization as its routes answer: trusted devices, colours, branding, custom CSS', () => {
    type Organization = NonNullable<LogtoEventMap['Organization.Created']['data']>;
    expectTypeOf<Organization['isTrustedDeviceAllowed']>().toEqualTypeOf<boolean | null | undefined>();
    expectTypeOf<NonNullable<Organization['branding']>['logoUrl']>().toEqualTypeOf<
      string | null | undefined
    >();
    expectTypeOf<NonNullable<Organization['color']>['primaryColor']>().toEqualTypeOf<
      string | null | undefined
    >();
    expectTypeOf<Organization['customCss']>().toEqualTypeOf<string | null | undefined>();
  });

  it('data on the five events the attack named: present in the type, unknown (Logto sends none)', () => {
    expectTypeOf<LogtoEventMap['Organization.Membership.Updated']>().toHaveProperty('data');
    expectTypeOf<LogtoEventMap['OrganizationRole.Scopes.Updated']['data']>().toEqualTypeOf<unknown>();
    expectTypeOf<LogtoEventMap['Identifier.Lockout']['data']>().toEqualTypeOf<unknown>();
    expectTypeOf<LogtoEventMap['Message.RateLimited']['data']>().toEqualTypeOf<unknown>();
    expectTypeOf<LogtoEventMap['Grant.LimitExceeded']['data']>().toEqualTypeOf<unknown>();
  });
});
