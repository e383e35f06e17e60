import { type IdempotencyStore, memoryStore, silentLogger } from '@authhooks/core';
import type { FusionWebhookOptions } from '@authhooks/fusionauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Adapter,
  adapters,
  expressBehindPlainJson,
  type Routes,
  type Running,
} from './helpers/adapters.js';
import { hs256Signature, type Sent, send, streamBody } from './helpers/requests.js';

const key = 'e2e-authorization-value';
const json = { 'content-type': 'application/json' };
const authed = { ...json, authorization: key };
const limit = 64 * 1024;

const event = (type: string, fields: Record<string, unknown> = {}, id: string = crypto.randomUUID()) =>
  JSON.stringify({ event: { type, id, user: { id: 'user-1', email: 'ada@example.com' }, ...fields } });

/** A store that is down for event ids starting with "store-down". */
function storeWithOutage(): IdempotencyStore {
  const inner = memoryStore();
  return {
    reserve: (k, token) =>
      k.includes(':store-down') ? Promise.reject(new Error('connection refused')) : inner.reserve(k, token),
    complete: (k, token) => inner.complete(k, token),
    release: (k, token) => inner.release(k, token),
  };
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

function registerHandlers(routes: Routes) {
  routes
    .on('user.delete', () => {})
    .on('user.registration.create', (e, ctx) => {
      if (e.user?.email?.endsWith('@blocked.example')) ctx.reject('registration not allowed for this domain');
      if (e.user?.email?.startsWith('taken@')) ctx.reject('username taken', 409);
    })
    .on('user.update', () => {
      throw new Error('db password hunter2 rejected');
    })
    .on('user.deactivate', (_e, ctx) => sleep(5_000, ctx.signal))
    .on('user.reactivate', () => sleep(150));
}

const baseOptions = (): FusionWebhookOptions => ({
  authorization: key,
  idempotency: storeWithOutage(),
  timeoutMs: 300,
  maxBodyBytes: limit,
  logger: silentLogger,
});

interface Case {
  readonly name: string;
  /** Answered by an app-level body parser instead when one reads the body first. */
  readonly needsBodyReading?: boolean;
  readonly run: (url: string) => Promise<Sent | Sent[]>;
  readonly status: number | number[];
  readonly outcome: string | string[];
  readonly check?: (answer: Sent) => void;
}

const cases: Case[] = [
  {
    name: 'handled',
    run: (url) => send(url, { headers: authed, body: event('user.delete') }),
    status: 200,
    outcome: 'handled',
  },
  {
    name: 'duplicate (the same delivery twice)',
    run: async (url) => {
      const body = event('user.delete');
      return [await send(url, { headers: authed, body }), await send(url, { headers: authed, body })];
    },
    status: [200, 200],
    outcome: ['handled', 'duplicate'],
  },
  {
    name: 'in_progress (a concurrent copy)',
    run: (url) => {
      const body = event('user.reactivate');
      return Promise.all([
        send(url, { headers: authed, body }),
        sleep(40).then(() => send(url, { headers: authed, body })),
      ]);
    },
    status: [200, 409],
    outcome: ['handled', 'in_progress'],
  },
  {
    name: 'ignored (no handler for a known type)',
    run: (url) => send(url, { headers: authed, body: event('user.create') }),
    status: 200,
    outcome: 'ignored',
  },
  {
    name: 'ignored (a type from the future)',
    run: (url) => send(url, { headers: authed, body: event('user.future-thing') }),
    status: 200,
    outcome: 'ignored',
  },
  {
    name: 'rejected (a veto)',
    run: (url) =>
      send(url, {
        headers: authed,
        body: event('user.registration.create', {
          user: { id: 'u', email: 'eve@blocked.example' },
          registration: { applicationId: 'a' },
        }),
      }),
    status: 422,
    outcome: 'rejected',
    check: (answer) => expect(answer.json.error).toBe('registration not allowed for this domain'),
  },
  {
    name: 'rejected with its own status',
    run: (url) =>
      send(url, {
        headers: authed,
        body: event('user.registration.create', {
          user: { id: 'u', email: 'taken@example.com' },
          registration: { applicationId: 'a' },
        }),
      }),
    status: 409,
    outcome: 'rejected',
  },
  {
    name: 'handler_error (no message or stack in the answer)',
    run: (url) => send(url, { headers: authed, body: event('user.update') }),
    status: 500,
    outcome: 'handler_error',
    check: (answer) => expect(JSON.stringify(answer.json)).not.toMatch(/hunter2|at .*\.ts/),
  },
  {
    name: 'timeout',
    run: (url) => send(url, { headers: authed, body: event('user.deactivate') }),
    status: 504,
    outcome: 'timeout',
  },
  {
    name: 'unauthorized (no header)',
    run: (url) => send(url, { headers: json, body: event('user.delete') }),
    status: 401,
    outcome: 'unauthorized',
  },
  {
    name: 'unauthorized (wrong value)',
    run: (url) => send(url, { headers: { ...json, authorization: `${key}x` }, body: event('user.delete') }),
    status: 401,
    outcome: 'unauthorized',
    check: (answer) => expect(JSON.stringify(answer.json)).not.toContain(key),
  },
  {
    name: 'bad_request (not JSON)',
    needsBodyReading: true,
    run: (url) => send(url, { headers: authed, body: '{"event": ' }),
    status: 400,
    outcome: 'bad_request',
  },
  {
    name: 'bad_request (fails the schema)',
    run: (url) => send(url, { headers: authed, body: event('user.delete', { user: { id: 7 } }) }),
    status: 400,
    outcome: 'bad_request',
    check: (answer) => expect(answer.json.error).toMatch(/user\.id/),
  },
  {
    name: 'method_not_allowed',
    run: (url) => send(url, { method: 'GET', headers: authed }),
    status: 405,
    outcome: 'method_not_allowed',
    check: (answer) => expect(answer.headers.get('allow')).toBe('POST'),
  },
  {
    name: 'unsupported_media_type',
    run: (url) =>
      send(url, {
        headers: { 'content-type': 'text/plain', authorization: key },
        body: event('user.delete'),
      }),
    status: 415,
    outcome: 'unsupported_media_type',
  },
  {
    name: 'payload_too_large (Content-Length)',
    run: (url) => send(url, { headers: authed, body: event('user.delete', { padding: 'x'.repeat(limit) }) }),
    status: 413,
    outcome: 'payload_too_large',
  },
  {
    name: 'unavailable (idempotency store down)',
    run: (url) => send(url, { headers: authed, body: event('user.delete', {}, 'store-down-1') }),
    status: 503,
    outcome: 'unavailable',
  },
];

describe.each(adapters)('$name', (adapter: Adapter) => {
  let server: Running;
  beforeAll(async () => {
    server = await adapter.start(baseOptions(), registerHandlers);
  });
  afterAll(() => server.close());

  it.each(cases.filter((c) => adapter.readsBody || !c.needsBodyReading))('$name', async ({
    run,
    status,
    outcome,
    check,
  }) => {
    const answers = [await run(server.url)].flat();
    expect(answers.map((a) => a.status)).toEqual([status].flat());
    expect(answers.map((a) => a.json.outcome)).toEqual([outcome].flat());
    for (const answer of answers) expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    check?.(answers.at(-1) as Sent);
  });

  // Behind an app-level parser that parser's own limit applies; authhooks never sees the stream.
  if (adapter.readsBody) {
    it('payload_too_large: a 50 MB streamed body is cut off at the limit', async () => {
      const { status, sentBytes } = await streamBody(server.url, 50 * 1024 * 1024, authed);
      expect(status).toBe(413);
      expect(sentBytes).toBeLessThan(20 * 1024 * 1024);
    });

    it('Basic auth: 401 with a challenge, 200 with the credentials', async () => {
      const basic = await adapter.start(
        { basicAuth: { username: 'fusionauth', password: 's3cret:pass' }, logger: silentLogger },
        registerHandlers,
      );
      try {
        const denied = await send(basic.url, { headers: json, body: event('user.delete') });
        expect(denied.status).toBe(401);
        expect(denied.headers.get('www-authenticate')).toMatch(/^Basic /);
        const credentials = Buffer.from('fusionauth:s3cret:pass').toString('base64');
        const ok = await send(basic.url, {
          headers: { ...json, authorization: `Basic ${credentials}` },
          body: event('user.delete'),
        });
        expect([ok.status, ok.json.outcome]).toEqual([200, 'handled']);
      } finally {
        await basic.close();
      }
    });
  }

  it('signed events: a valid X-FusionAuth-Signature-JWT passes, a changed byte does not', async () => {
    const signed = await adapter.start(
      { signature: { hmacSecret: 'e2e-hmac-secret' }, logger: silentLogger },
      registerHandlers,
    );
    try {
      const body = event('user.delete');
      const signature = await hs256Signature(body, 'e2e-hmac-secret');
      const ok = await send(signed.url, {
        headers: { ...json, 'x-fusionauth-signature-jwt': signature },
        body,
      });
      expect([ok.status, ok.json.outcome]).toEqual([200, 'handled']);
      const tampered = await send(signed.url, {
        headers: { ...json, 'x-fusionauth-signature-jwt': signature },
        body: body.replace('user-1', 'user-2'),
      });
      expect([tampered.status, tampered.json.outcome]).toEqual([401, 'unauthorized']);
    } finally {
      await signed.close();
    }
  });
});

describe(expressBehindPlainJson.name, () => {
  it('without a signature: validates the parsed object', async () => {
    const server = await expressBehindPlainJson.start(
      { authorization: key, logger: silentLogger },
      registerHandlers,
    );
    try {
      const ok = await send(server.url, { headers: authed, body: event('user.delete') });
      expect([ok.status, ok.json.outcome]).toEqual([200, 'handled']);
      const bad = await send(server.url, {
        headers: authed,
        body: event('user.delete', { user: { id: 7 } }),
      });
      expect([bad.status, bad.json.outcome]).toEqual([400, 'bad_request']);
    } finally {
      await server.close();
    }
  });

  it('with a signature: answers 500 at once, naming the fix', async () => {
    const server = await expressBehindPlainJson.start(
      { signature: { hmacSecret: 'e2e-hmac-secret' }, logger: silentLogger },
      registerHandlers,
    );
    try {
      const body = event('user.delete');
      const answer = await send(server.url, {
        headers: { ...json, 'x-fusionauth-signature-jwt': await hs256Signature(body, 'e2e-hmac-secret') },
        body,
      });
      expect(answer.status).toBe(500);
      expect(answer.json.error).toMatch(/rawBodySaver/);
    } finally {
      await server.close();
    }
  });
});
