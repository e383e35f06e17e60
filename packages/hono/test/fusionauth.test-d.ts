import type {
  FusionAuthContext,
  FusionAuthEventMap,
  UserDeleteEvent,
  UserRegistrationCreateEvent,
} from '@authhooks/fusionauth';
import { describe, expectTypeOf, it } from 'vitest';
import { fusionWebhook, type HonoWebhook } from '../src/index.js';

describe('fusionWebhook types', () => {
  it('types handlers from the FusionAuth event map', () => {
    const webhook = fusionWebhook({ authorization: 'k' })
      .on('user.delete', (event, ctx) => {
        expectTypeOf(event).toEqualTypeOf<UserDeleteEvent>();
        expectTypeOf(event.user.id).toEqualTypeOf<string>();
        expectTypeOf(ctx.transactional).toEqualTypeOf<boolean>();
      })
      .on('user.registration.create', (event) => {
        expectTypeOf(event).toEqualTypeOf<UserRegistrationCreateEvent>();
      });
    expectTypeOf(webhook).toEqualTypeOf<HonoWebhook<FusionAuthEventMap, FusionAuthContext>>();
    // @ts-expect-error a typo in the event type is a compile error
    webhook.on('user.delet', () => {});
  });
});
