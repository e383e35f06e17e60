import { fusionReceiver } from '@authhooks/fusionauth';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { eventBody } from '../../../test/conformance/event-body.js';
import { delivery, optionsOf } from '../../../test/conformance/scenario.js';
import { fastifyPlugin } from '../src/plugin.js';
import { injector, mounted, webhook } from './helpers/fastify-app.js';

async function served() {
  const { plugin, world } = webhook('/hook');
  const app = Fastify();
  await app.register(plugin);
  await app.ready();
  return { world, app, send: injector(app, '/hook') };
}

describe('requests Fastify would refuse itself reach the receiver', () => {
  it('a content type Fastify cannot parse answers the receiver’s 415', async () => {
    const { app, send } = await served();
    for (const type of ['json', '']) {
      const res = await send(delivery(eventBody('user.delete'), { 'content-type': type }));
      expect(res.status, type).toBe(415);
      expect(res.json, type).toEqual({
        outcome: 'unsupported_media_type',
        error: 'content type must be application/json',
      });
    }
    await app.close();
  });

  it('a content type Fastify accepts but would not parse as JSON is still JSON to the receiver', async () => {
    const { app, send, world } = await served();
    const res = await send(
      delivery(eventBody('user.delete', { id: 'e-1' }), { 'content-type': 'application/json; charset' }),
    );
    expect(res.status).toBe(200);
    expect(world.seen('e-1')).toHaveLength(1);
    await app.close();
  });

  it('QUERY without a content type answers 405, HEAD answers 405 with Allow: POST', async () => {
    const { app, send } = await served();
    const query = await send({ method: 'QUERY', headers: {}, body: '{}' });
    expect(query.status).toBe(405);
    expect(query.json).toEqual({
      outcome: 'method_not_allowed',
      error: 'method QUERY is not allowed; send POST',
    });
    const head = await send({ method: 'HEAD', headers: {} });
    expect(head.status).toBe(405);
    expect(head.header('allow')).toBe('POST');
    await app.close();
  });

  it('a POST without content type or body answers 415', async () => {
    const { app, send } = await served();
    const res = await send({ method: 'POST', headers: {} });
    expect(res.status).toBe(415);
    await app.close();
  });
});

describe('path and prefix', () => {
  it("path '/' under a prefix serves the prefix itself", async () => {
    const { plugin, world } = webhook('/');
    const running = await mounted('http', '/fusionauth-webhook', (app) =>
      app.register(plugin, { prefix: '/fusionauth-webhook' }),
    );
    const res = await running.send(delivery(eventBody('user.delete', { id: 'e-root' })));
    expect(res.status).toBe(200);
    expect(world.seen('e-root')).toHaveLength(1);
    await running.close();
  });

  it('the prefix is applied (the bare path is not served)', async () => {
    const { plugin } = webhook('/fusionauth');
    const app = Fastify();
    await app.register(plugin, { prefix: '/hooks' });
    await app.ready();
    expect((await injector(app, '/fusionauth')(delivery(eventBody('user.delete')))).status).toBe(404);
    expect((await injector(app, '/hooks/fusionauth')(delivery(eventBody('user.delete')))).status).toBe(200);
    await app.close();
  });

  it('a missing or relative path is refused at construction, saying what to pass', () => {
    const receiver = fusionReceiver(optionsOf());
    const message =
      "authhooks: the Fastify plugin needs a path starting with '/', e.g. { path: '/fusionauth-webhook' } " +
      "(or { path: '/' } with register's prefix option).";
    expect(() => fastifyPlugin(receiver, { path: 'hook' })).toThrow(message);
    expect(() => fastifyPlugin(receiver, undefined as unknown as { path: string })).toThrow(message);
  });
});
