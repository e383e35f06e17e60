import type { LogtoContext, LogtoEventMap } from '@authhooks/logto';
import { describe, expectTypeOf, it } from 'vitest';
import { type HonoWebhook, logtoWebhook } from '../src/index.js';

describe('logtoWebhook types', () => {
  it('types handlers from the Logto event map', () => {
    const webhook = logtoWebhook({ signingKey: 'k' }).on('User.Deleted', (event, ctx) => {
      expectTypeOf(event.event).toEqualTypeOf<'User.Deleted'>();
      expectTypeOf(event.hookId).toEqualTypeOf<string>();
      expectTypeOf(ctx.hookId).toEqualTypeOf<string | undefined>();
    });
    expectTypeOf(webhook).toEqualTypeOf<HonoWebhook<LogtoEventMap, LogtoContext>>();
    // @ts-expect-error a typo in the event name is a compile error
    webhook.on('User.Delete', () => {});
  });
});
