import type { AnyEventOf, Receiver } from '@authhooks/core';
import Fastify from 'fastify';
import { describe, expectTypeOf, it } from 'vitest';
import type { TestContext, TestMap } from '../../core/test/helpers/provider.js';
import { type FastifyWebhook, fastifyPlugin } from '../src/plugin.js';

declare const receiver: Receiver<TestMap, TestContext>;
type Webhook = FastifyWebhook<TestMap, TestContext>;

describe('fastifyPlugin types', () => {
  it('types each handler from its event type and chains', () => {
    const plugin = fastifyPlugin(receiver, { path: '/hook' })
      .on('user.delete', (event, ctx) => {
        expectTypeOf(event.user.id).toEqualTypeOf<string>();
        expectTypeOf(event.type).toEqualTypeOf<'user.delete' | 'user.remove'>();
        expectTypeOf(ctx.extra).toEqualTypeOf<true>();
      })
      .on('user.registration.*', (event) => {
        expectTypeOf(event).toEqualTypeOf<
          TestMap['user.registration.create'] | TestMap['user.registration.delete']
        >();
      })
      .onAny((event) => {
        expectTypeOf(event).toEqualTypeOf<AnyEventOf<TestMap>>();
      })
      .onError(() => {});
    expectTypeOf(plugin).toEqualTypeOf<Webhook>();
    expectTypeOf(plugin.off('*', () => {})).toEqualTypeOf<Webhook>();
    expectTypeOf(plugin.receiver).toEqualTypeOf<Receiver<TestMap, TestContext>>();
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
