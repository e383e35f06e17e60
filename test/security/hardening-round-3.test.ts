// Regressions of the third attack (issue 18) that apply to every mounting, over real HTTP, in both
// vitest projects (sources and built packages). The JWKS items live in test/reliability/jwks-faults.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { nodeHandler } from '@authhooks/core/node';
import * as expressAdapter from '@authhooks/express';
import { fusionWebhook } from '@authhooks/fastify';
import { fusionReceiver } from '@authhooks/fusionauth';
import * as honoAdapter from '@authhooks/hono';
import { serve } from '@hono/node-server';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapters, type Running } from '../helpers/adapters.js';
import { captureLogger } from '../support/capture-logger.js';
import { watchUnhandled } from '../support/unhandled.js';

const key = 'round-3-authorization-value';
const headers = { 'content-type': 'application/json', authorization: key };

/** One POST as raw bytes, to write several back to back on one connection (HTTP/1.1 pipelining). */
function rawPost(url: string, body: string, authorized: boolean, expect100 = false): string {
  const { host, pathname } = new URL(url);
  return [
    `POST ${pathname} HTTP/1.1`,
    `host: ${host}`,
    'content-type: application/json',
    `content-length: ${Buffer.byteLength(body)}`,
    ...(authorized ? [`authorization: ${key}`] : []),
    ...(expect100 ? ['expect: 100-continue', 'connection: close'] : []),
    '',
    body,
  ].join('\r\n');
}

/** Writes `bytes` on one connection and collects what comes back until the server closes it or 1 s passes. */
function exchangeRaw(url: string, bytes: string, waitMs = 1_000): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    let received = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(received);
    };
    const timer = setTimeout(done, waitMs);
    socket.on('data', (part) => {
      received += part.toString('latin1');
    });
    socket.on('close', done);
    socket.on('error', done);
    socket.write(bytes);
  });
}

const statuses = (text: string) => [...text.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((match) => Number(match[1]));
const deleteEvent = (userId: string) =>
  JSON.stringify({ event: { type: 'user.delete', id: crypto.randomUUID(), user: { id: userId } } });

async function post(url: string, body: string) {
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) as Record<string, unknown> };
}

describe.each(adapters)('$name', (adapter) => {
  const unhandled = watchUnhandled();
  const logger = captureLogger();
  const handled: string[] = [];
  let server: Running;

  beforeAll(async () => {
    server = await adapter.start({ authorization: key, logger }, (routes) =>
      routes.on('user.delete', (event) => {
        handled.push(event.user.id);
      }),
    );
  });
  afterAll(() => server?.close());

  it('5. an event type or id of a megabyte answers 400 before routing, and is echoed nowhere', async () => {
    const huge = 'x'.repeat(1024 * 1024);
    const cases = [
      { what: 'type', body: JSON.stringify({ event: { type: huge, id: crypto.randomUUID() } }) },
      { what: 'id', body: JSON.stringify({ event: { type: 'user.delete', id: huge, user: { id: 'u' } } }) },
      { what: 'type', body: JSON.stringify({ event: { type: `user.${'y'.repeat(200)}`, id: 'e-1' } }) },
    ];
    for (const { what, body } of cases) {
      const answer = await post(server.url, body);
      expect(answer.status).toBe(400);
      expect(answer.json.error).toBe(`event ${what} longer than 200 characters`);
      expect(answer.text.length).toBeLessThan(300);
    }
    expect(handled).toEqual([]);
    expect(logger.text()).not.toMatch(/x{201}|y{201}/);
    // At the bound, an unknown type is answered as any unknown type is.
    const longest = `user.${'z'.repeat(195)}`;
    const atBound = await post(server.url, JSON.stringify({ event: { type: longest, id: 'e-2' } }));
    expect([atBound.status, atBound.json.outcome]).toEqual([200, 'ignored']);
    expect(unhandled).toEqual([]);
  });

  it('10. a valid request pipelined behind a refused one runs no handler: its answer could never be delivered', async () => {
    for (const refusedBody of ['{}', JSON.stringify({ padding: 'x'.repeat(200_000) })]) {
      handled.length = 0;
      const text = await exchangeRaw(
        server.url,
        rawPost(server.url, refusedBody, false) + rawPost(server.url, deleteEvent('pipelined'), true),
      );
      expect(statuses(text)[0]).toBe(401);
      // Either the valid one was answered too, or it did not run at all.
      expect(handled.length).toBe(statuses(text).filter((status) => status === 200).length);
    }
    // Two valid requests pipelined: each runs once and each is answered, in order.
    handled.length = 0;
    const text = await exchangeRaw(
      server.url,
      rawPost(server.url, deleteEvent('first'), true) + rawPost(server.url, deleteEvent('second'), true),
      500,
    );
    expect(statuses(text)).toEqual([200, 200]);
    expect(handled).toEqual(['first', 'second']);
    expect(unhandled).toEqual([]);
  });

  it('13. a compressed body answers 415 before its body is read, on every mount alike', async () => {
    handled.length = 0;
    // Each really compressed, so a parser mounted before the webhook inflates it and passes it on.
    const compressed: [string, (data: string) => Buffer][] = [
      ['gzip', gzipSync],
      ['deflate', deflateSync],
      ['br', brotliCompressSync],
      ['GZIP ', gzipSync],
    ];
    for (const [encoding, compress] of compressed) {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { ...headers, 'content-encoding': encoding },
        body: new Uint8Array(compress(deleteEvent('compressed'))),
      });
      expect(response.status).toBe(415);
      expect(((await response.json()) as { error: string }).error).toBe(
        'content encoding must be identity: send the body uncompressed',
      );
    }
    const identity = await fetch(server.url, {
      method: 'POST',
      headers: { ...headers, 'content-encoding': 'identity' },
      body: deleteEvent('identity'),
    });
    expect(identity.status).toBe(200);
    expect(handled).toEqual(['identity']);
  });
});

describe("12. Fastify: the app's hooks apply to the webhook route", () => {
  it('keeps headers set in onRequest and preHandler, runs onSend and onResponse, on every outcome', async () => {
    const app = Fastify();
    const ran: string[] = [];
    app.addHook('onRequest', async (request, reply) => {
      reply.header('x-request-id', String(request.id));
    });
    app.addHook('preHandler', async (_request, reply) => {
      reply.header('x-frame-options', 'DENY');
    });
    app.addHook('onSend', async (_request, reply, payload) => {
      reply.header('x-on-send', 'ran');
      return payload;
    });
    app.addHook('onResponse', async (_request, reply) => {
      ran.push(`onResponse ${reply.statusCode}`);
    });
    await app.register(
      fusionWebhook({ path: '/fusionauth-webhook', authorization: key, logger: captureLogger() }).on(
        'user.delete',
        () => {},
      ),
    );
    const url = `${await app.listen({ port: 0, host: '127.0.0.1' })}/fusionauth-webhook`;
    try {
      const cases = [
        { headers, status: 200 },
        { headers: { 'content-type': 'application/json' }, status: 401 },
        { headers: { ...headers, 'content-type': 'text/plain' }, status: 415 },
      ];
      for (const { headers: sent, status } of cases) {
        const response = await fetch(url, { method: 'POST', headers: sent, body: deleteEvent('hooked') });
        expect(response.status).toBe(status);
        expect(response.headers.get('x-request-id')).toMatch(/^req-/);
        expect(response.headers.get('x-on-send')).toBe('ran');
        expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
        if (status !== 415) expect(response.headers.get('x-frame-options')).toBe('DENY');
        await response.text();
      }
      await expect.poll(() => ran).toEqual(['onResponse 200', 'onResponse 401', 'onResponse 415']);
    } finally {
      await app.close();
    }
  });
});

/** A server whose `checkContinue` requests go to the app, as the docs say to mount it. */
async function continueServers(): Promise<{ name: string; url: string; close(): Promise<void> }[]> {
  const path = '/fusionauth-webhook';
  const on = <T extends { on(type: 'user.delete', handler: () => void): T }>(webhook: T) =>
    webhook.on('user.delete', () => {});
  const logger = captureLogger();
  const listening = async (name: string, server: http.Server) => {
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
      name,
      url: `http://127.0.0.1:${port}${path}`,
      close: () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    };
  };
  const node = http.createServer(on(nodeHandler(fusionReceiver({ authorization: key, logger }))));
  node.on('checkContinue', node.listeners('request')[0] as http.RequestListener);
  const app = express();
  app.use(path, on(expressAdapter.fusionWebhook({ authorization: key, logger })));
  const viaExpress = http.createServer(app);
  viaExpress.on('checkContinue', app);
  const fastify = Fastify();
  await fastify.register(on(fusionWebhook({ path, authorization: key, logger })));
  await fastify.listen({ port: 0, host: '127.0.0.1' });
  fastify.server.on('checkContinue', (req, res) => fastify.server.emit('request', req, res));
  const hono = new Hono();
  hono.post(path, on(honoAdapter.fusionWebhook({ authorization: key, logger })));
  const viaHono = serve({ fetch: hono.fetch, port: 0, hostname: '127.0.0.1' }) as http.Server;
  await new Promise<void>((resolve) => (viaHono.listening ? resolve() : viaHono.once('listening', resolve)));
  viaHono.on('checkContinue', (req, res) => viaHono.emit('request', req, res));
  return [
    await listening('node:http', node),
    await listening('express 5', viaExpress),
    { ...(await listening('fastify 5', fastify.server)), close: () => fastify.close() },
    await listening('hono (@hono/node-server)', viaHono),
  ];
}

/** Sends the head with `Expect: 100-continue` and no body; resolves with the first thing the server says. */
function firstWordAfterHead(
  url: string,
  authorized: boolean,
  body: string,
): Promise<{ first: string; all: Promise<string> }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    let received = '';
    let finished: (text: string) => void;
    const all = new Promise<string>((done) => {
      finished = done;
    });
    const timer = setTimeout(() => socket.destroy(), 3_000);
    socket.on('data', (part) => {
      const first = received === '';
      received += part.toString('latin1');
      if (first) {
        resolve({ first: received, all });
        if (received.startsWith('HTTP/1.1 100')) socket.write(body);
      }
    });
    socket.on('close', () => {
      clearTimeout(timer);
      finished(received);
    });
    socket.write(rawPost(url, body, authorized, true).slice(0, -body.length));
  });
}

describe('11. Expect: 100-continue with checkContinue routed to the webhook', () => {
  let servers: Awaited<ReturnType<typeof continueServers>> = [];
  beforeAll(async () => {
    servers = await continueServers();
  });
  afterAll(() => Promise.all(servers.map((server) => server.close())));

  it('a refused request gets its 401 before any 100 Continue; an accepted one gets 100, then 200', async () => {
    for (const server of servers) {
      const body = deleteEvent('continued');
      const refused = await firstWordAfterHead(server.url, false, body);
      expect(refused.first, server.name).toMatch(/^HTTP\/1\.1 401 /);
      expect(await refused.all, server.name).not.toContain('100 Continue');
      const accepted = await firstWordAfterHead(server.url, true, body);
      expect(accepted.first, server.name).toMatch(/^HTTP\/1\.1 100 Continue/);
      expect(statuses(await accepted.all), server.name).toEqual([100, 200]);
    }
  });
});
