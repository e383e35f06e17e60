import type { AnyEventOf, Receiver } from '@authhooks/core';
import { Hono } from 'hono';
import { describe, expectTypeOf, it } from 'vitest';
import type { TestContext, TestMap } from '../../core/test/helpers/provider.js';
import { type HonoWebhook, honoHandler } from '../src/handler.js';
import type { AuthhooksDelivery, AuthhooksVariables } from '../src/variables.js';

declare const receiver: Receiver<TestMap, TestContext>;
type Webhook = HonoWebhook<TestMap, TestContext>;

describe('honoHandler types', () => {
  it('types each handler from its event type and chains', () => {
    const webhook = honoHandler(receiver)
      .on('user.delete', (event, ctx) => {
        expectTypeOf(event.user.id).toEqualTypeOf<string>();
        expectTypeOf(event.type).toEqualTypeOf<'user.delete' | 'user.remove'>();
        expectTypeOf(ctx.extra).toEqualTypeOf<true>();
        expectTypeOf(ctx.signal).toEqualTypeOf<AbortSignal>();
        expectTypeOf(ctx.reject).returns.toBeNever();
      })
      .on('user.registration.*', (event) => {
        expectTypeOf(event).toEqualTypeOf<
          TestMap['user.registration.create'] | TestMap['user.registration.delete']
        >();
      })
      .on(['user.create', 'user.delete'], (event) => {
        expectTypeOf(event.type).toEqualTypeOf<'user.create' | 'user.delete' | 'user.remove'>();
      })
      .onAny((event) => {
        expectTypeOf(event).toEqualTypeOf<AnyEventOf<TestMap>>();
      })
      .onError((failure) => {
        expectTypeOf(failure.eventId).toEqualTypeOf<string>();
      });
    expectTypeOf(webhook).toEqualTypeOf<Webhook>();
    expectTypeOf(webhook.off('user.delete', () => {})).toEqualTypeOf<Webhook>();
    expectTypeOf(webhook.receiver).toEqualTypeOf<Receiver<TestMap, TestContext>>();
  });

  it('refuses unknown event types', () => {
    // @ts-expect-error 'user.nope' is not an event type of the provider
    honoHandler(receiver).on('user.nope', () => {});
    // @ts-expect-error wildcards only match known prefixes
    honoHandler(receiver).on('group.*', () => {});
  });

  it('mounts with app.post, app.all and app.use; later handlers see c.var.authhooks typed', () => {
    const webhook = honoHandler(receiver, { passThrough: true });
    new Hono().post('/a', webhook).all('/b', honoHandler(receiver));
    new Hono<{ Bindings: { DB: string } }>().post('/d', webhook).get('/e', (c) => c.text(c.env.DB));
    new Hono().use('/c', webhook).post('/c', (c) => {
      const delivery = c.get('authhooks');
      expectTypeOf(delivery).toEqualTypeOf<AuthhooksDelivery<AnyEventOf<TestMap>>>();
      expectTypeOf(c.var.authhooks.event).toEqualTypeOf<AnyEventOf<TestMap>>();
      return c.text('ok');
    });
  });

  it('declares the variable on an app typed up front', () => {
    const app = new Hono<{ Variables: AuthhooksVariables<AnyEventOf<TestMap>> }>();
    app.use('/hook', honoHandler(receiver));
    app.use(async (c, next) => {
      await next();
      expectTypeOf(c.get('authhooks').outcome).toEqualTypeOf<import('@authhooks/core').Outcome>();
    });
  });
});
