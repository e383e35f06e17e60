import http from 'node:http';
import { silentLogger } from '@authhooks/core';
import { nodeHandler } from '@authhooks/core/node';
import * as express from '@authhooks/express';
import { fusionReceiver } from '@authhooks/fusionauth';
import * as hono from '@authhooks/hono';
import { logtoReceiver } from '@authhooks/logto';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createTestKeys,
  DeliveryError,
  deliver,
  deliverLogto,
  fusionAuthBody,
  fusionAuthSample,
  logtoSample,
  signFusionAuthRequest,
  signLogtoRequest,
} from '../src/index.js';
import { answering, closedPortUrl, startServer, type TestServer, unreachableUrl } from './helpers/servers.js';

const key = 'webhook-key';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});
async function server(reply: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const started = await startServer(reply);
  cleanups.push(started.close);
  return started;
}

describe('deliver: what goes on the wire', () => {
  it('POSTs application/json with the {"event": …} body, the Authorization header and custom headers', async () => {
    const target = await server(() => ({ status: 200 }));
    const event = fusionAuthSample('user.delete');
    await deliver(target.url, event, { authorization: key, headers: { 'X-Tenant': 'acme' } });
    const [request] = target.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/hook');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers.authorization).toBe(key);
    expect(request?.headers['x-tenant']).toBe('acme');
    expect(request?.headers['content-length']).toBe(String(Buffer.byteLength(fusionAuthBody(event))));
    expect(request?.body.toString()).toBe(fusionAuthBody(event));
    expect(request?.headers).not.toHaveProperty('x-fusionauth-signature-jwt');
  });

  it('sends HTTP Basic from username and password', async () => {
    const target = await server(() => ({ status: 200 }));
    await deliver(target.url, fusionAuthSample('user.create'), {
      basicAuth: { username: 'fa', password: 'p:ss wörd' },
    });
    expect(target.requests[0]?.headers.authorization).toBe(
      `Basic ${Buffer.from('fa:p:ss wörd', 'utf8').toString('base64')}`,
    );
  });

  it('sends the X-FusionAuth-Signature-JWT of the exact body when a signing key is given', async () => {
    const target = await server(() => ({ status: 200 }));
    const event = fusionAuthSample('user.create');
    await deliver(target.url, event, { signingKey: { hmacSecret: 'secret', kid: 'k1' } });
    const expected = await signFusionAuthRequest(fusionAuthBody(event), { hmacSecret: 'secret', kid: 'k1' });
    expect(target.requests[0]?.headers['x-fusionauth-signature-jwt']).toBe(
      expected['x-fusionauth-signature-jwt'],
    );
  });

  it('sends a string body byte for byte, and a whole wire body object unwrapped once', async () => {
    const target = await server(() => ({ status: 200 }));
    await deliver(target.url, '{ "event" : {"type":"user.create"} }');
    const event = fusionAuthSample('user.update');
    await deliver(target.url, { event });
    expect(target.requests.map((request) => request.body.toString())).toEqual([
      '{ "event" : {"type":"user.create"} }',
      fusionAuthBody(event),
    ]);
  });

  it('refuses two sources of the one Authorization header', async () => {
    const event = fusionAuthSample('user.create');
    await expect(
      deliver('http://127.0.0.1:1/', event, {
        authorization: 'a',
        basicAuth: { username: 'u', password: 'p' },
      }),
    ).rejects.toThrow(/pick one/);
    await expect(
      deliver('http://127.0.0.1:1/', event, { authorization: 'a', headers: { AUTHORIZATION: 'b' } }),
    ).rejects.toThrow(/pick one/);
  });
});

describe('deliver: the answer', () => {
  it('returns status, parsed JSON body, headers and duration', async () => {
    const target = await server(() => ({ status: 422, body: '{"outcome":"rejected"}' }));
    const answer = await deliver(target.url, fusionAuthSample('user.create'));
    expect(answer.status).toBe(422);
    expect(answer.body).toEqual({ outcome: 'rejected' });
    expect(answer.headers['content-type']).toBe('application/json');
    expect(answer.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('rejects with a DeliveryError when the connection is refused', async () => {
    const error = await deliver(await closedPortUrl(), fusionAuthSample('user.create')).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ code: 'connection_refused' });
  });

  it('rejects with read_timeout when the answer takes longer than readTimeout', async () => {
    const target = await server(() => ({ status: 200, delayMs: 2_000 }));
    const error = await deliver(target.url, fusionAuthSample('user.create'), { readTimeout: 150 }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'read_timeout', message: 'read timeout after 150 ms' });
  });

  it('rejects with connect_timeout when the connection does not open within connectTimeout', async () => {
    const unreachable = await unreachableUrl();
    cleanups.push(unreachable.close);
    const error = await deliver(unreachable.url, fusionAuthSample('user.create'), {
      connectTimeout: 200,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'connect_timeout', message: 'connect timeout after 200 ms' });
  });

  it('refuses targets it cannot call and bad timeouts, saying what works', async () => {
    const event = fusionAuthSample('user.create');
    await expect(deliver('not a url', event)).rejects.toThrow(/full address/);
    await expect(deliver('ftp://example.com/', event)).rejects.toThrow(/http or https/);
    await expect(deliver({} as never, event)).rejects.toThrow(/needs a URL, a receiver/);
    await expect(deliver('http://127.0.0.1:1/', event, { readTimeout: 0 })).rejects.toThrow(/readTimeout/);
  });
});

describe('deliver: targets', () => {
  const makeReceiver = () =>
    fusionReceiver({ authorization: key, logger: silentLogger }).on('user.delete', (_event, ctx) =>
      ctx.reject('kept'),
    );

  it('a receiver, in-process', async () => {
    const answer = await deliver(makeReceiver(), fusionAuthSample('user.delete'), { authorization: key });
    expect(answer).toMatchObject({ status: 422, body: { outcome: 'rejected', eventType: 'user.delete' } });
    expect((await deliver(makeReceiver(), fusionAuthSample('user.delete'))).status).toBe(401);
  });

  it('adapter webhooks (Express, Hono) through their .receiver', async () => {
    for (const webhook of [
      express.fusionWebhook({ authorization: key, logger: silentLogger }),
      hono.fusionWebhook({ authorization: key, logger: silentLogger }),
    ]) {
      webhook.on('user.delete', () => {});
      const answer = await deliver(webhook, fusionAuthSample('user.delete'), { authorization: key });
      expect(answer).toMatchObject({ status: 200, body: { outcome: 'handled' } });
    }
  });

  it('a fetch handler, and a Hono app at a path', async () => {
    const seen: string[] = [];
    const handler = async (request: Request) => {
      seen.push(`${request.method} ${request.headers.get('content-type')} ${new URL(request.url).pathname}`);
      return Response.json({ got: (await request.json()).event.type });
    };
    expect((await deliver(handler, fusionAuthSample('user.create'))).body).toEqual({ got: 'user.create' });
    expect(seen).toEqual(['POST application/json /']);

    const app = new Hono();
    app.post(
      '/fusionauth-webhook',
      hono.fusionWebhook({ authorization: key, logger: silentLogger }).on('user.create', () => {}),
    );
    const routed = await deliver(app, fusionAuthSample('user.create'), {
      authorization: key,
      path: '/fusionauth-webhook',
    });
    expect(routed).toMatchObject({ status: 200, body: { outcome: 'handled' } });
    expect((await deliver(app, fusionAuthSample('user.create'), { authorization: key })).status).toBe(404);
  });

  it('a real server over HTTP (URL string and URL object)', async () => {
    const receiver = makeReceiver();
    const httpServer = http.createServer(nodeHandler(receiver));
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => httpServer.close(() => resolve())));
    const { port } = httpServer.address() as { port: number };
    const url = `http://127.0.0.1:${port}/fusionauth-webhook`;
    for (const target of [url, new URL(url)]) {
      const answer = await deliver(target, fusionAuthSample('user.delete'), { authorization: key });
      expect(answer).toMatchObject({ status: 422, body: { outcome: 'rejected' } });
    }
  });

  it('a signed delivery passes a receiver that checks signatures; another key does not', async () => {
    const keys = await createTestKeys('ES256');
    const receiver = fusionReceiver({ signature: { publicKeys: [keys.publicJwk] }, logger: silentLogger }).on(
      'user.create',
      () => {},
    );
    expect((await deliver(receiver, fusionAuthSample('user.create'), { signingKey: keys })).status).toBe(200);
    const other = await createTestKeys('ES256', { kid: keys.kid });
    expect((await deliver(receiver, fusionAuthSample('user.create'), { signingKey: other })).status).toBe(
      401,
    );
  });

  it('an in-process target that takes longer than readTimeout fails like a slow server', async () => {
    const slow = () =>
      new Promise<Response>((resolve) => setTimeout(() => resolve(new Response('late')), 1_000));
    await expect(deliver(slow, fusionAuthSample('user.create'), { readTimeout: 50 })).rejects.toMatchObject({
      code: 'read_timeout',
    });
  });
});

describe('deliverLogto', () => {
  it('sends what Logto sends: JSON.stringify body, content type, user agent, custom headers, signature last', async () => {
    const target = await server(() => ({ status: 204, body: '' }));
    const payload = logtoSample('User.Created');
    const answer = await deliverLogto(target.url, payload, {
      signingKey: 'logto-key',
      headers: { 'logto-signature-sha-256': 'overridden?', 'X-Custom': '1' },
    });
    expect(answer).toMatchObject({ status: 204, body: '' });
    const [request] = target.requests;
    expect(request?.body.toString()).toBe(JSON.stringify(payload));
    expect(request?.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'Logto (https://logto.io/)',
      'x-custom': '1',
      ...(await signLogtoRequest(JSON.stringify(payload), 'logto-key')),
    });
  });

  it('is accepted by logtoReceiver, and refused with another key', async () => {
    const receiver = logtoReceiver({ signingKey: 'logto-key', logger: silentLogger }).on(
      'User.Created',
      () => {},
    );
    expect(
      (await deliverLogto(receiver, logtoSample('User.Created'), { signingKey: 'logto-key' })).status,
    ).toBe(200);
    expect((await deliverLogto(receiver, logtoSample('User.Created'), { signingKey: 'other' })).status).toBe(
      401,
    );
    expect((await deliverLogto(receiver, logtoSample('User.Created'))).status).toBe(401);
  });

  it('answers from a real server are read like FusionAuth ones', async () => {
    const target = await answering(500);
    cleanups.push(target.close);
    expect((await deliverLogto(target.url, logtoSample('PostSignIn'))).status).toBe(500);
  });
});
