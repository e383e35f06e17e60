import {
  basicAuthVerifier,
  createReceiver,
  type IdempotencyStore,
  memoryStore,
  PayloadTooLargeError,
  type ReceiverOptions,
  silentLogger,
  WebhookRejection,
} from '@authhooks/core';
import { describe, expect, it } from 'vitest';
import { authed, eventBody, json, testKey, testProvider } from './helpers/provider.js';

interface Request {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Uint8Array;
  /** Deliver the body as a stream without Content-Length (fetch) or as a bounded reader (receive). */
  readonly streamed?: boolean;
}

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly json: Record<string, unknown>;
}

type Receiver = ReturnType<typeof build>;

const drivers: Record<string, (receiver: Receiver, request: Request) => Promise<Answer>> = {
  'receive()': async (receiver, { method = 'POST', headers = authed, body = '', streamed }) => {
    const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
    const result = await receiver.receive({
      method,
      headers,
      body: streamed
        ? async (limit) => (bytes.byteLength > limit ? Promise.reject(tooLarge(limit)) : bytes)
        : body,
    });
    return { status: result.status, headers: { ...result.headers }, json: JSON.parse(result.body) };
  },
  'fetch(Request)': async (receiver, { method = 'POST', headers = authed, body, streamed }) => {
    const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
    const init: RequestInit & { duplex?: 'half' } = { method, headers };
    if (method !== 'GET' && bytes !== undefined) {
      init.body = (streamed ? chunkedStream(bytes) : bytes) as BodyInit;
      if (streamed) init.duplex = 'half';
    }
    const response = await receiver.fetch(new Request('http://localhost/hook', init));
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      json: (await response.json()) as Record<string, unknown>,
    };
  },
};

function tooLarge(limit: number) {
  return new PayloadTooLargeError(limit);
}

function chunkedStream(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.byteLength) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + 16 * 1024));
      offset += 16 * 1024;
    },
  });
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

const aborted: boolean[] = [];

function build(options: ReceiverOptions = {}, provider = testProvider()) {
  return createReceiver({ provider, logger: silentLogger, timeoutMs: 100, maxBodyBytes: 4096, ...options })
    .on('user.delete', () => {})
    .on('user.create', (event) => {
      if (event.user.email === 'throw@example.com') throw new Error('secret-token-123 in a stack');
      if (event.user.email === 'veto@example.com') throw new WebhookRejection('not allowed', 403);
    })
    .on('user.registration.create', async (event, ctx) => {
      if (event.user.email === 'blocked@example.com') ctx.reject('domain blocked');
      if (event.user.email === 'slow@example.com') {
        await sleep(2_000, ctx.signal).catch((error) => {
          aborted.push(ctx.signal.aborted);
          throw error;
        });
      }
      if (event.user.email === 'busy@example.com') await sleep(60);
    });
}

const registration = (email: string, id?: string) =>
  eventBody(
    'user.registration.create',
    { user: { id: 'u', email }, registration: { applicationId: 'app' } },
    id,
  );

interface Case {
  readonly name: string;
  readonly options?: ReceiverOptions;
  readonly provider?: ReturnType<typeof testProvider>;
  readonly request: Request;
  readonly status: number;
  readonly outcome: string;
  readonly error?: RegExp | 'absent';
  readonly header?: [string, RegExp];
}

const downStore: IdempotencyStore = {
  reserve: () => Promise.reject(new Error('ECONNREFUSED')),
  complete: () => Promise.resolve(),
  release: () => Promise.resolve(),
};

const cases: Case[] = [
  {
    name: 'handled',
    request: { body: eventBody('user.delete', {}, 'e-1') },
    status: 200,
    outcome: 'handled',
    error: 'absent',
  },
  {
    name: 'ignored: no handler for a known type',
    request: { body: eventBody('user.registration.delete', { registration: { applicationId: 'a' } }) },
    status: 200,
    outcome: 'ignored',
  },
  {
    name: 'ignored: unknown type',
    request: { body: eventBody('user.someday') },
    status: 200,
    outcome: 'ignored',
  },
  {
    name: 'ignored: excluded by the provider filter',
    provider: testProvider({ exclude: () => 'tenant is not in tenantIds' }),
    request: { body: eventBody('user.delete') },
    status: 200,
    outcome: 'ignored',
    error: /tenant is not in tenantIds/,
  },
  {
    name: "ignored with unhandled: 'reject' → 422",
    options: { unhandled: 'reject' },
    request: { body: eventBody('user.someday') },
    status: 422,
    outcome: 'ignored',
  },
  {
    name: 'rejected: ctx.reject',
    request: { body: registration('blocked@example.com') },
    status: 422,
    outcome: 'rejected',
    error: /domain blocked/,
  },
  {
    name: 'rejected: thrown WebhookRejection with its status',
    request: { body: eventBody('user.create', { user: { id: 'u', email: 'veto@example.com' } }) },
    status: 403,
    outcome: 'rejected',
  },
  {
    name: 'handler_error: no message or stack in the answer',
    request: { body: eventBody('user.create', { user: { id: 'u', email: 'throw@example.com' } }) },
    status: 500,
    outcome: 'handler_error',
    error: /^handler failed$/,
  },
  { name: 'timeout', request: { body: registration('slow@example.com') }, status: 504, outcome: 'timeout' },
  {
    name: 'unauthorized: no header',
    request: { headers: json, body: eventBody('user.delete') },
    status: 401,
    outcome: 'unauthorized',
  },
  {
    name: 'unauthorized: wrong value',
    request: { headers: { ...json, authorization: `${testKey}!` }, body: eventBody('user.delete') },
    status: 401,
    outcome: 'unauthorized',
    error: /^authorization check failed$/,
  },
  {
    name: 'unauthorized: Basic configured → challenge',
    provider: testProvider({
      verifiers: [basicAuthVerifier({ credentials: { username: 'fa', password: 'pw' } })],
    }),
    request: { headers: json, body: eventBody('user.delete') },
    status: 401,
    outcome: 'unauthorized',
    header: ['www-authenticate', /^Basic realm=/],
  },
  {
    name: 'bad_request: not JSON',
    request: { body: '{"event":' },
    status: 400,
    outcome: 'bad_request',
    error: /not valid JSON/,
  },
  {
    name: 'bad_request: invalid UTF-8',
    request: { body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) },
    status: 400,
    outcome: 'bad_request',
    error: /UTF-8/,
  },
  {
    name: 'bad_request: empty body',
    request: { body: '' },
    status: 400,
    outcome: 'bad_request',
    error: /empty/,
  },
  {
    name: 'bad_request: not an event',
    request: { body: '{"hello":"world"}' },
    status: 400,
    outcome: 'bad_request',
  },
  {
    name: 'bad_request: fails its schema, naming the path',
    request: { body: eventBody('user.delete', { user: { id: 42 } }) },
    status: 400,
    outcome: 'bad_request',
    error: /user\.id/,
  },
  {
    name: 'method_not_allowed',
    request: { method: 'GET' },
    status: 405,
    outcome: 'method_not_allowed',
    header: ['allow', /^POST$/],
  },
  {
    name: 'unsupported_media_type: text/plain',
    request: {
      headers: { 'content-type': 'text/plain', authorization: testKey },
      body: eventBody('user.delete'),
    },
    status: 415,
    outcome: 'unsupported_media_type',
  },
  {
    name: 'unsupported_media_type: no content type',
    request: { headers: { authorization: testKey }, body: eventBody('user.delete') },
    status: 415,
    outcome: 'unsupported_media_type',
  },
  {
    name: 'JSON with charset is accepted',
    request: {
      headers: { 'content-type': 'application/json; charset=utf-8', authorization: testKey },
      body: eventBody('user.delete'),
    },
    status: 200,
    outcome: 'handled',
  },
  {
    name: 'payload_too_large: declared Content-Length',
    request: { headers: { ...authed, 'content-length': '999999' }, body: eventBody('user.delete') },
    status: 413,
    outcome: 'payload_too_large',
  },
  {
    name: 'payload_too_large: streamed without Content-Length',
    request: { body: eventBody('user.delete', { padding: 'x'.repeat(10_000) }), streamed: true },
    status: 413,
    outcome: 'payload_too_large',
  },
  {
    name: 'unavailable: idempotency store down',
    options: { idempotency: downStore },
    request: { body: eventBody('user.delete') },
    status: 503,
    outcome: 'unavailable',
    error: /idempotency store unavailable/,
  },
  {
    name: 'unavailable: a verifier cannot run',
    provider: testProvider({
      verifiers: [
        {
          kind: 'body',
          check: 'jwks',
          verify: () => ({ ok: false, reason: 'JWKS unreachable', unavailable: true }),
        },
      ],
    }),
    request: { body: eventBody('user.delete') },
    status: 503,
    outcome: 'unavailable',
  },
];

describe.each(Object.entries(drivers))('every outcome through %s', (_driver, drive) => {
  it.each(cases)('$name → $status $outcome', async (c) => {
    const answer = await drive(build(c.options, c.provider), c.request);
    expect(answer.status).toBe(c.status);
    expect(answer.json.outcome).toBe(c.outcome);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    if (c.error === 'absent') expect(answer.json).not.toHaveProperty('error');
    else if (c.error) expect(String(answer.json.error)).toMatch(c.error);
    if (c.header) expect(answer.headers[c.header[0]]).toMatch(c.header[1]);
    expect(JSON.stringify(answer.json)).not.toMatch(/secret-token-123|core-test-key|\bat \S+:\d+/);
  });

  it('handled answers name the event', async () => {
    const answer = await drive(build(), { body: eventBody('user.remove', {}, 'e-7') });
    expect(answer.json).toEqual({ outcome: 'handled', eventId: 'e-7', eventType: 'user.delete' });
  });

  it('duplicate: the second copy of a handled event does not run handlers', async () => {
    let runs = 0;
    const receiver = build({ idempotency: memoryStore() }).on('user.delete', () => void runs++);
    const body = eventBody('user.delete', {}, 'dup-1');
    const first = await drive(receiver, { body });
    const second = await drive(receiver, { body });
    expect([first.status, first.json.outcome, second.status, second.json.outcome]).toEqual([
      200,
      'handled',
      200,
      'duplicate',
    ]);
    expect(runs).toBe(1);
  });

  it('in_progress: a concurrent copy answers 409 while the first runs', async () => {
    const receiver = build({ idempotency: memoryStore(), timeoutMs: 1000 });
    const body = registration('busy@example.com', 'busy-1');
    const [first, second] = await Promise.all([
      drive(receiver, { body }),
      sleep(10).then(() => drive(receiver, { body })),
    ]);
    expect([first.status, first.json.outcome]).toEqual([200, 'handled']);
    expect([second.status, second.json.outcome]).toEqual([409, 'in_progress']);
  });

  it('timeout aborts ctx.signal', async () => {
    aborted.length = 0;
    await drive(build(), { body: registration('slow@example.com') });
    await sleep(5);
    expect(aborted).toEqual([true]);
  });
});
