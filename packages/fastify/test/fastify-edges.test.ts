import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { delivery, eventBody } from '../../../test/adapter-kit/requests.js';
import { scenario } from '../../../test/adapter-kit/scenario.js';
import { fastifyPlugin } from '../src/plugin.js';
import { injector, mounted } from './helpers/fastify-app.js';

async function webhook(options: Parameters<typeof scenario>[0] = {}) {
  const built = scenario(options);
  const app = Fastify();
  await app.register(fastifyPlugin(built.receiver, { path: '/hook' }));
  await app.ready();
  return { ...built, app, send: injector(app, '/hook') };
}

describe('requests Fastify would refuse itself reach the receiver', () => {
  it('a content type Fastify cannot parse answers the receiver’s 415', async () => {
    const { app, send } = await webhook();
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
    const { app, send, deleted } = await webhook();
    const res = await send(
      delivery(eventBody('user.delete'), { 'content-type': 'application/json; charset' }),
    );
    expect(res.status).toBe(200);
    expect(deleted).toEqual(['u-1']);
    await app.close();
  });

  it('QUERY without a content type answers 405, HEAD answers 405 with Allow: POST', async () => {
    const { app, send } = await webhook();
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
    const { app, send } = await webhook();
    const res = await send({ method: 'POST', headers: {} });
    expect(res.status).toBe(415);
    await app.close();
  });

  it('answers 204 without a body when the receiver is told to', async () => {
    const { app, send } = await webhook({ responses: { handled: 204 } });
    const res = await send(delivery(eventBody('user.delete')));
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    await app.close();
  });
});

describe('path and prefix', () => {
  it("path '/' under a prefix serves the prefix itself", async () => {
    const { receiver, deleted } = scenario();
    const running = await mounted('http', '/fusionauth-webhook', (app) =>
      app.register(fastifyPlugin(receiver, { path: '/' }), { prefix: '/fusionauth-webhook' }),
    );
    const res = await running.send(delivery(eventBody('user.delete')));
    expect(res.status).toBe(200);
    expect(deleted).toEqual(['u-1']);
    await running.close();
  });

  it('the prefix is applied (the bare path is not served)', async () => {
    const { receiver } = scenario();
    const app = Fastify();
    await app.register(fastifyPlugin(receiver, { path: '/fusionauth' }), { prefix: '/hooks' });
    await app.ready();
    expect((await injector(app, '/fusionauth')(delivery(eventBody('user.delete')))).status).toBe(404);
    expect((await injector(app, '/hooks/fusionauth')(delivery(eventBody('user.delete')))).status).toBe(200);
    await app.close();
  });

  it('a missing or relative path is refused at construction, saying what to pass', () => {
    const { receiver } = scenario();
    const message =
      "authhooks: the Fastify plugin needs a path starting with '/', e.g. { path: '/fusionauth-webhook' } " +
      "(or { path: '/' } with register's prefix option).";
    expect(() => fastifyPlugin(receiver, { path: 'hook' })).toThrow(message);
    expect(() => fastifyPlugin(receiver, undefined as unknown as { path: string })).toThrow(message);
  });
});
