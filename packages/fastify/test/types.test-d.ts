import type { AnyEventOf, Receiver } from '@authhooks/core';
import Fastify from 'fastify';
import { describe, expectTypeOf, it } from 'vitest';
import type { TestContext, TestEventMap, UserEvent } from '../../../test/adapter-kit/provider.js';
import { type FastifyWebhook, fastifyPlugin } from '../src/plugin.js';

declare const receiver: Receiver<TestEventMap, TestContext>;
type Webhook = FastifyWebhook<TestEventMap, TestContext>;

describe('fastifyPlugin types', () => {
  it('types each handler from its event type and chains', () => {
    const plugin = fastifyPlugin(receiver, { path: '/hook' })
      .on('user.delete', (event, ctx) => {
        expectTypeOf(event.user.id).toEqualTypeOf<string>();
        expectTypeOf(event.type).toEqualTypeOf<'user.delete'>();
        expectTypeOf(ctx.transactional).toEqualTypeOf<boolean>();
      })
      .on('user.registration.*', (event) => {
        expectTypeOf(event).toEqualTypeOf<UserEvent<'user.registration.create'>>();
      })
      .onAny((event) => {
        expectTypeOf(event).toEqualTypeOf<AnyEventOf<TestEventMap>>();
      })
      .onError(() => {});
    expectTypeOf(plugin).toEqualTypeOf<Webhook>();
    expectTypeOf(plugin.off('*', () => {})).toEqualTypeOf<Webhook>();
    expectTypeOf(plugin.receiver).toEqualTypeOf<Receiver<TestEventMap, TestContext>>();
    // @ts-expect-error 'user.nope' is not an event type of the provider
    plugin.on('user.nope', () => {});
  });

  it('registers with and without a prefix', async () => {
    const app = Fastify();
    await app.register(fastifyPlugin(receiver, { path: '/hook' }));
    await app.register(fastifyPlugin(receiver, { path: '/' }), { prefix: '/other' });
    // @ts-expect-error the path is required
    fastifyPlugin(receiver, {});
  });
});
