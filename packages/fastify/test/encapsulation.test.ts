import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { eventBody } from '../../../test/conformance/event-body.js';
import { delivery } from '../../../test/conformance/scenario.js';
import { injector, webhook } from './helpers/fastify-app.js';

describe('the plugin is encapsulated', () => {
  it("the host app's JSON and text routes still get parsed bodies, before and after the plugin", async () => {
    const { plugin, world } = webhook('/fusionauth-webhook');
    const host = Fastify();
    host.post('/api/before', async (request) => ({ body: request.body, type: typeof request.body }));
    await host.register(plugin);
    host.post('/api/after', async (request) => ({ body: request.body, type: typeof request.body }));
    host.post('/api/text', async (request) => ({ body: request.body, type: typeof request.body }));
    await host.ready();

    for (const url of ['/api/before', '/api/after']) {
      const res = await host.inject({ method: 'POST', url, payload: { hello: 'world' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.json(), url).toEqual({ body: { hello: 'world' }, type: 'object' });
    }
    const text = await host.inject({
      method: 'POST',
      url: '/api/text',
      headers: { 'content-type': 'text/plain' },
      payload: 'hi',
    });
    expect(text.json()).toEqual({ body: 'hi', type: 'string' });
    const broken = await host.inject({
      method: 'POST',
      url: '/api/after',
      headers: { 'content-type': 'application/json' },
      payload: '{"oops',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ code: 'FST_ERR_CTP_INVALID_JSON_BODY' });

    const res = await injector(
      host,
      '/fusionauth-webhook',
    )(delivery(eventBody('user.delete', { id: 'e-1' })));
    expect(res.status).toBe(200);
    expect(world.seen('e-1').map((seen) => seen.userId)).toEqual(['user-1']);
    await host.close();
  });

  it("a host app's custom parser and error handler stay the host's", async () => {
    const { plugin } = webhook('/fusionauth-webhook');
    const host = Fastify();
    host.addContentTypeParser('application/x-custom', { parseAs: 'string' }, (_req, body, done) =>
      done(null, { custom: body }),
    );
    host.setErrorHandler(async (error: Error, _request, reply) =>
      reply.code(418).send({ host: error.message }),
    );
    host.addHook('onRequest', async (request) => {
      if (request.headers['x-fail'] === 'yes') throw new Error('host hook failed');
    });
    host.post('/api/custom', async (request) => request.body);
    await host.register(plugin);
    await host.ready();

    const custom = await host.inject({
      method: 'POST',
      url: '/api/custom',
      headers: { 'content-type': 'application/x-custom' },
      payload: 'abc',
    });
    expect(custom.json()).toEqual({ custom: 'abc' });
    const failed = await injector(
      host,
      '/fusionauth-webhook',
    )(delivery(eventBody('user.delete'), { 'x-fail': 'yes' }));
    expect(failed.status).toBe(418);
    expect(failed.json).toEqual({ host: 'host hook failed' });
    await host.close();
  });

  it('two webhooks live side by side in one app', async () => {
    const first = webhook('/one');
    const second = webhook('/two');
    const app = Fastify();
    await app.register(first.plugin);
    await app.register(second.plugin);
    await app.ready();
    const to = (id: string) => delivery(eventBody('user.delete', { id }));
    expect((await injector(app, '/one')(to('e-a'))).status).toBe(200);
    expect((await injector(app, '/two')(to('e-b'))).status).toBe(200);
    expect([first.world.seen('e-a').length, first.world.seen('e-b').length]).toEqual([1, 0]);
    expect([second.world.seen('e-a').length, second.world.seen('e-b').length]).toEqual([0, 1]);
    await app.close();
  });
});
