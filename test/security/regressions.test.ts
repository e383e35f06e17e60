// One regression test per defect found by the independent attack on every adapter (issue 8), over
// real HTTP, in both vitest projects (sources and built packages).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as expressAdapter from '@authhooks/express';
import type { FusionWebhookOptions } from '@authhooks/fusionauth';
import * as honoAdapter from '@authhooks/hono';
import { serve } from '@hono/node-server';
import express from 'express';
import express4 from 'express4';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { type Adapter, adapters, expressBehindPlainJson, type Routes } from '../helpers/adapters.js';
import { hs256Signature, send, streamBody } from '../helpers/requests.js';
import { captureLogger } from '../support/capture-logger.js';
import { abortMidBody, partialBody, rawRequest, trickle } from '../support/raw-http.js';
import { watchUnhandled } from '../support/unhandled.js';

const key = 'regression-authorization-value';
const hmacSecret = 'regression-hmac-secret';
const json = { 'content-type': 'application/json' };
const authed = { ...json, authorization: key };

const event = (type: string, fields: Record<string, unknown> = {}) =>
  JSON.stringify({ event: { type, id: crypto.randomUUID(), user: { id: 'user-1' }, ...fields } });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function withServer<T>(
  adapter: Adapter,
  options: FusionWebhookOptions,
  register: (routes: Routes) => void,
  run: (url: string) => Promise<T>,
): Promise<T> {
  const server = await adapter.start(options, register);
  try {
    return await run(server.url);
  } finally {
    await server.close();
  }
}

const unprintable = () => Object.create(null) as object;
const payloadObject = () => ({ toString: 1, valueOf: 1 });

describe.each(adapters)('$name', (adapter) => {
  const unhandled = watchUnhandled();

  it('1. a handler throwing a value that cannot be printed answers a clean JSON 500, process alive', async () => {
    const logger = captureLogger();
    await withServer(
      adapter,
      { authorization: key, logger, timeoutMs: 200 },
      (routes) =>
        routes
          .on('user.update', () => {
            throw unprintable();
          })
          .on('user.create', () => Promise.reject(payloadObject())),
      async (url) => {
        for (const type of ['user.update', 'user.create']) {
          const answer = await send(url, { headers: authed, body: event(type) });
          expect(answer.status, type).toBe(500);
          expect(answer.json, type).toMatchObject({ outcome: 'handler_error', error: 'handler failed' });
          expect(answer.headers.get('content-type'), type).toMatch(/^application\/json/);
        }
        const after = await send(url, { headers: authed, body: event('user.delete') });
        expect(after.json.outcome).toBe('ignored');
      },
    );
    expect(unhandled).toEqual([]);
    expect(logger.lines.some((line) => line.level === 'error')).toBe(true);
  });

  it('1. a handler rejecting after the deadline with an unprintable value does not crash', async () => {
    let settleLate: (() => void) | undefined;
    await withServer(
      adapter,
      { authorization: key, logger: captureLogger(), timeoutMs: 100 },
      (routes) =>
        routes.on(
          'user.update',
          () =>
            new Promise<never>((_resolve, reject) => {
              settleLate = () => reject(unprintable());
            }),
        ),
      async (url) => {
        const answer = await send(url, { headers: authed, body: event('user.update') });
        expect([answer.status, answer.json.outcome]).toEqual([504, 'timeout']);
        settleLate?.();
        await sleep(50);
        const after = await send(url, { headers: authed, body: event('user.delete') });
        expect(after.status).toBe(200);
      },
    );
    expect(unhandled).toEqual([]);
  });

  it('2. an onError or onResult that never resolves does not hold the answer', async () => {
    const started = Date.now();
    await withServer(
      adapter,
      {
        authorization: key,
        logger: captureLogger(),
        timeoutMs: 200,
        onResult: () => new Promise(() => {}) as unknown as undefined,
      },
      (routes) =>
        routes
          .on('user.update', () => {
            throw new Error('boom');
          })
          .onError(() => new Promise(() => {})),
      async (url) => {
        const answer = await send(url, { headers: authed, body: event('user.update') });
        expect([answer.status, answer.json.outcome]).toEqual([500, 'handler_error']);
      },
    );
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  if (adapter.readsBody) {
    it('3/4. a junk or forged signature is refused from the header, before the body arrives', async () => {
      await withServer(
        adapter,
        { signature: { hmacSecret }, logger: captureLogger() },
        () => {},
        async (url) => {
          const forged = await hs256Signature(event('user.delete'), 'not-the-secret');
          for (const token of ['a.b.c', forged]) {
            const headers: [string, string][] = [
              ['content-type', 'application/json'],
              ['x-fusionauth-signature-jwt', token],
            ];
            const answer = await partialBody(url, headers, 5 * 1024 * 1024, 64 * 1024, 3_000);
            expect(answer.status, token).toBe(401);
          }
        },
      );
    });

    it('3. a chunked body over the limit answers 413 (not 500)', async () => {
      await withServer(
        adapter,
        { authorization: key, maxBodyBytes: 64 * 1024, logger: captureLogger() },
        () => {},
        async (url) => {
          const { status } = await streamBody(url, 4 * 1024 * 1024, authed);
          expect(status).toBe(413);
        },
      );
    });

    it('6. an aborted upload has one outcome everywhere, not logged as a handler failure', async () => {
      const logger = captureLogger();
      const results: string[] = [];
      await withServer(
        adapter,
        { authorization: key, logger, onResult: (result) => void results.push(result.outcome) },
        (routes) => routes.on('user.delete', () => {}),
        async (url) => {
          await abortMidBody(url, Object.entries(authed), event('user.delete', { pad: 'x'.repeat(4096) }));
          await expect.poll(() => results, { timeout: 3_000 }).toEqual(['bad_request']);
        },
      );
      expect(logger.lines.filter((line) => line.level === 'error')).toEqual([]);
      expect(logger.text()).toContain('aborted');
    });

    it('9. a body trickled slower than bodyTimeoutMs is cut with 408', async () => {
      await withServer(
        adapter,
        { authorization: key, bodyTimeoutMs: 400, logger: captureLogger() },
        (routes) => routes.on('user.delete', () => {}),
        async (url) => {
          const started = Date.now();
          const answer = await trickle(url, Object.entries(authed), event('user.delete'), 100);
          expect(answer.status).toBe(408);
          expect(JSON.parse(answer.body)).toMatchObject({ outcome: 'request_timeout' });
          expect(Date.now() - started).toBeLessThan(3_000);
        },
      );
    });
  }

  it('5. a body nested 10 000 levels deep answers 400', async () => {
    const deep = `{"event":{"type":"user.delete","id":"deep","user":{"id":"u"},"x":${'['.repeat(10_000)}${']'.repeat(10_000)}}}`;
    await withServer(
      adapter,
      { authorization: key, logger: captureLogger() },
      (routes) => routes.on('user.delete', () => {}),
      async (url) => {
        const answer = await send(url, { headers: authed, body: deep });
        expect([answer.status, answer.json.outcome]).toEqual([400, 'bad_request']);
      },
    );
  });

  it('7. a security header sent twice is refused, in either order', async () => {
    await withServer(
      adapter,
      { authorization: key, logger: captureLogger() },
      (routes) => routes.on('user.delete', () => {}),
      async (url) => {
        const body = event('user.delete');
        for (const pair of [
          [key, 'wrong'],
          ['wrong', key],
          [key, key],
        ]) {
          const answer = await rawRequest(url, {
            headers: [
              ['content-type', 'application/json'],
              ...pair.map((v): [string, string] => ['authorization', v]),
            ],
            body,
          });
          expect(answer.status, pair.join(' + ')).toBe(401);
        }
        const twoTypes = await rawRequest(url, {
          headers: [
            ['content-type', 'application/json'],
            ['content-type', 'text/plain'],
            ['authorization', key],
          ],
          body,
        });
        expect(twoTypes.status).toBe(415);
      },
    );
  });

  it('8. a 401 names only the check that failed; the reason goes to the log', async () => {
    const logger = captureLogger();
    await withServer(
      adapter,
      { signature: { hmacSecret }, logger },
      (routes) => routes.on('user.delete', () => {}),
      async (url) => {
        const body = event('user.delete');
        const good = await hs256Signature(body, hmacSecret);
        const [header, payload, signature] = good.split('.') as [string, string, string];
        const withHeader = (fields: object) =>
          `${Buffer.from(JSON.stringify({ typ: 'JWT', ...fields })).toString('base64url')}.${payload}.${signature}`;
        const tokens = {
          'unknown kid': withHeader({ alg: 'HS256', kid: 'nobody-knows-this-kid' }),
          'algorithm not allowed': withHeader({ alg: 'RS256' }),
          'digest mismatch': good,
          'not a jwt': 'a.b.c',
        };
        for (const [name, token] of Object.entries(tokens)) {
          const answer = await send(url, {
            headers: { ...json, 'x-fusionauth-signature-jwt': token },
            body: name === 'digest mismatch' ? body.replace('user-1', 'user-2') : body,
          });
          expect(answer.status, name).toBe(401);
          expect(answer.json, name).toEqual({ outcome: 'unauthorized', error: 'signature check failed' });
        }
        expect(header).not.toBe('');
      },
    );
    expect(logger.text()).toMatch(/request_body_sha256/);
    await withServer(
      adapter,
      { authorization: key, logger: captureLogger() },
      () => {},
      async (url) => {
        const answer = await send(url, {
          headers: { ...json, authorization: 'nope' },
          body: event('user.delete'),
        });
        expect(answer.json).toEqual({ outcome: 'unauthorized', error: 'authorization check failed' });
      },
    );
  });

  it('schema drift: a wrong-typed optional field on a transactional event does not roll it back', async () => {
    const seen: { issues: unknown; raw: unknown; lastName: unknown }[] = [];
    const logger = captureLogger();
    await withServer(
      adapter,
      { authorization: key, logger },
      (routes) =>
        routes.on('user.registration.create', (e, ctx) => {
          seen.push({ issues: ctx.schemaIssues, raw: ctx.rawEvent, lastName: e.user.lastName });
        }),
      async (url) => {
        const drifted = () =>
          event('user.registration.create', {
            user: { id: 'u-1', lastName: 42 },
            registration: { applicationId: 'app-1' },
          });
        for (let i = 0; i < 2; i++) {
          const answer = await send(url, { headers: authed, body: drifted() });
          expect([answer.status, answer.json.outcome]).toEqual([200, 'handled']);
        }
        const body = drifted();
        const strict = await adapter.start({ authorization: key, logger, validation: 'strict' }, (routes) =>
          routes.on('user.registration.create', () => {}),
        );
        try {
          const refused = await send(strict.url, { headers: authed, body });
          expect([refused.status, refused.json.outcome]).toEqual([400, 'bad_request']);
        } finally {
          await strict.close();
        }
      },
    );
    expect(seen).toHaveLength(2);
    expect(seen[0]?.lastName).toBeUndefined();
    expect(seen[0]?.issues).toEqual([{ path: ['user', 'lastName'], message: expect.any(String) }]);
    expect((seen[0]?.raw as { user: { lastName: unknown } }).user.lastName).toBe(42);
    const warnings = logger.lines.filter(
      (line) => line.level === 'warn' && line.message?.includes('left out of the typed event'),
    );
    expect(JSON.stringify(warnings)).toContain('user.lastName');
    expect(warnings).toHaveLength(1);
  });
});

describe('express mounted behind a body parser', () => {
  it('5. behind express.json(), deep nesting answers 400, not 500', async () => {
    const deep = `{"event":{"type":"user.delete","id":"deep","user":{"id":"u"},"x":${'['.repeat(10_000)}${']'.repeat(10_000)}}}`;
    const server = await expressBehindPlainJson.start({ authorization: key, logger: captureLogger() }, (r) =>
      r.on('user.delete', () => {}),
    );
    try {
      const answer = await send(server.url, { headers: authed, body: deep });
      expect([answer.status, answer.json.outcome]).toEqual([400, 'bad_request']);
    } finally {
      await server.close();
    }
  });

  it('10. express.json() before a signature check answers misconfigured, naming the fix', async () => {
    const server = await expressBehindPlainJson.start(
      { signature: { hmacSecret }, logger: captureLogger() },
      (r) => r.on('user.delete', () => {}),
    );
    try {
      const body = event('user.delete');
      const answer = await send(server.url, {
        headers: { ...json, 'x-fusionauth-signature-jwt': await hs256Signature(body, hmacSecret) },
        body,
      });
      expect([answer.status, answer.json.outcome]).toEqual([500, 'misconfigured']);
      expect(answer.json.error).toMatch(/rawBodySaver/);
    } finally {
      await server.close();
    }
  });

  it('10. express.text() decoded the body: refused for a signature check, naming the fix', async () => {
    const app = express();
    app.use(express.text({ type: '*/*' }));
    app.use('/hook', expressAdapter.fusionWebhook({ signature: { hmacSecret }, logger: captureLogger() }));
    const { url, close } = await listen(http.createServer(app), '/hook');
    try {
      const body = `\uFEFF${event('user.delete')}`;
      const answer = await send(url, {
        headers: { ...json, 'x-fusionauth-signature-jwt': await hs256Signature(body, hmacSecret) },
        body,
      });
      expect([answer.status, answer.json.outcome]).toEqual([500, 'misconfigured']);
      expect(answer.json.error).toMatch(/express\.text|mount the webhook before/);
    } finally {
      await close();
    }
  });
});

describe('hono mounted behind a body reader', () => {
  it('10. c.req.text() decoded the body: refused for a signature check, naming the fix', async () => {
    const app = new Hono();
    app.use('/hook', async (c, next) => {
      await c.req.text();
      await next();
    });
    app.post('/hook', honoAdapter.fusionWebhook({ signature: { hmacSecret }, logger: captureLogger() }));
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as http.Server;
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    try {
      const body = event('user.delete');
      const answer = await send(url, {
        headers: { ...json, 'x-fusionauth-signature-jwt': await hs256Signature(body, hmacSecret) },
        body,
      });
      expect([answer.status, answer.json.outcome]).toEqual([500, 'misconfigured']);
      expect(answer.json.error).toMatch(/arrayBuffer|mount the webhook before/);
    } finally {
      await new Promise((done) => server.close(done));
    }
  });
});

describe.each([
  ['express 5', express],
  ['express 4', express4 as unknown as typeof express],
])('11. %s answers only its mounted path', (_name, framework) => {
  it('a sub-path of the mount goes on to the next route', async () => {
    const app = framework();
    app.use(
      '/fusionauth-webhook',
      expressAdapter.fusionWebhook({ authorization: key, logger: captureLogger() }),
    );
    app.use((_req, res) => void res.status(404).json({ route: 'app 404' }));
    const { url, close } = await listen(http.createServer(app), '/fusionauth-webhook');
    try {
      const exact = await send(url, { headers: authed, body: event('user.delete') });
      expect(exact.json.outcome).toBe('ignored');
      const slash = await send(`${url}/`, { headers: authed, body: event('user.delete') });
      expect(slash.json.outcome).toBe('ignored');
      const sub = await send(`${url}/anything`, { headers: authed, body: event('user.delete') });
      expect([sub.status, sub.json]).toEqual([404, { route: 'app 404' }]);
    } finally {
      await close();
    }
  });
});

function listen(server: http.Server, path: string): Promise<{ url: string; close: () => Promise<void> }> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}${path}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
