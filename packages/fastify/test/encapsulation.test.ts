import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { delivery, eventBody } from '../../../test/adapter-kit/requests.js';
import { scenario } from '../../../test/adapter-kit/scenario.js';
import { fastifyPlugin } from '../src/plugin.js';
import { injector } from './helpers/fastify-app.js';

describe('the plugin is encapsulated', () => {
  it("the host app's JSON and text routes still get parsed bodies, before and after the plugin", async () => {
    const { receiver, deleted } = scenario();
    const host = Fastify();
    host.post('/api/before', async (request) => ({ body: request.body, type: typeof request.body }));
    await host.register(fastifyPlugin(receiver, { path: '/fusionauth-webhook' }));
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

    const res = await injector(host, '/fusionauth-webhook')(delivery(eventBody('user.delete')));
    expect(res.status).toBe(200);
    expect(deleted).toEqual(['u-1']);
    await host.close();
  });

  it("a host app's custom parser and error handler stay the host's", async () => {
    const { receiver } = scenario();
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
    await host.register(fastifyPlugin(receiver, { path: '/fusionauth-webhook' }));
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
    const first = scenario();
    const second = scenario();
    const app = Fastify();
    await app.register(fastifyPlugin(first.receiver, { path: '/one' }));
    await app.register(fastifyPlugin(second.receiver, { path: '/two' }));
    await app.ready();
    expect((await injector(app, '/one')(delivery(eventBody('user.delete', { userId: 'a' })))).status).toBe(
      200,
    );
    expect((await injector(app, '/two')(delivery(eventBody('user.delete', { userId: 'b' })))).status).toBe(
      200,
    );
    expect([first.deleted, second.deleted]).toEqual([['a'], ['b']]);
    await app.close();
  });
});
