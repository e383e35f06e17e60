import { describe, expectTypeOf, it } from 'vitest';
import { type LogtoEventMap, type LogtoUser, logtoReceiver } from '../src/index.js';

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
});
