// The one outcome table (DESIGN.md "Outcomes and status codes"), run against every mount by
// conformance.test.ts. Each row: the webhook it needs, the request, and the exact answer.
import { expect } from 'vitest';
import type { Send, TestRequest, TestResponse } from './client.js';
import { eventBody } from './event-body.js';
import type { Mount } from './mounts.js';
import {
  authed,
  authorization,
  basicAuthorization,
  delivery,
  hmacSecret,
  json,
  storeDownPrefix,
  type VariantName,
  type World,
} from './scenario.js';
import { hs256Signature } from './signing.js';

export interface Expected {
  readonly status: number;
  /** The exact JSON body, keys in the order they are sent; `null`: no body at all. */
  readonly body: Readonly<Record<string, unknown>> | null;
  /**
   * Headers with an exact value; `null`: must be absent. `Allow` and `WWW-Authenticate` must be
   * absent unless given here; every answer has `Cache-Control: no-store`, and a JSON body
   * `Content-Type: application/json; charset=utf-8`.
   */
  readonly headers?: Readonly<Record<string, string | null>>;
  /** For a streamed body: how much of it the server may take before answering. */
  readonly read?: 'nothing' | 'up to the limit';
}

export interface Row {
  readonly name: string;
  /** The webhook (see `variants` in scenario.ts); default `default`. */
  readonly on?: VariantName;
  readonly request?: TestRequest | (() => Promise<TestRequest>);
  /** For rows that need several requests: sends them and returns the answer under test. */
  readonly run?: (send: Send, world: World) => Promise<TestResponse>;
  readonly expect: Expected | ((mount: Mount) => Expected);
  /** What the handlers must (not) have seen. */
  readonly check?: (world: World, response: TestResponse) => void;
  /** Why the row cannot apply to this mount; undefined when it does. */
  readonly notOn?: (mount: Mount) => string | undefined;
  /** A defect of this mount the row exposes, until it is fixed (the row then runs as `it.fails`). */
  readonly knownDefect?: (mount: Mount) => string | undefined;
}

/** The default limit (5 MiB): streamed rows send ten times as much. */
export const defaultLimit = 5 * 1024 * 1024;
const fiftyMegabytes = 50 * 1024 * 1024;

const parser = (mount: Mount, why: string) =>
  mount.parsedBy === undefined ? undefined : `${mount.parsedBy} reads the body before the webhook: ${why}`;
const readsTheBody = (mount: Mount) =>
  parser(mount, 'it reads the whole stream, under its own limit and without a deadline');
const refusesItself = (mount: Mount) => parser(mount, 'it refuses a body it cannot parse itself');
const signatureOnParsedBody = (mount: Mount) =>
  mount.parsedBy === 'express.json()'
    ? 'express.json() keeps no raw bytes, so no signature can be checked here (see the misconfigured row)'
    : undefined;

const registration = (id: string, email: string) =>
  eventBody('user.registration.create', {
    id,
    user: { id: 'user-7', email },
    registration: { applicationId: 'app-a' },
  });

const answer = (outcome: string, fields: Record<string, unknown> = {}) => ({ outcome, ...fields });
const of = (eventId: string, eventType: string, error?: string) => ({
  eventId,
  eventType,
  ...(error !== undefined && { error }),
});
const jsonHeader = 'application/json; charset=utf-8';
const basicChallenge = { 'www-authenticate': 'Basic realm="fusionauth-webhook", charset="UTF-8"' };
const allowPost = { allow: 'POST' };

const handledRows: Row[] = [
  {
    name: 'handled → 200; the handler ran once with the typed event',
    request: delivery(eventBody('user.delete', { id: 'evt-handled', user: { id: 'user-42' } })),
    expect: { status: 200, body: answer('handled', of('evt-handled', 'user.delete')) },
    check: (world) =>
      expect(world.seen('evt-handled')).toEqual([
        {
          type: 'user.delete',
          userId: 'user-42',
          email: undefined,
          transactional: true,
          schemaIssues: [],
          rawEvent: { type: 'user.delete', id: 'evt-handled', user: { id: 'user-42' } },
        },
      ]),
  },
  {
    name: 'handled: application/json with a charset is JSON',
    request: delivery(eventBody('user.delete', { id: 'evt-charset' }), { 'content-type': jsonHeader }),
    expect: { status: 200, body: answer('handled', of('evt-charset', 'user.delete')) },
  },
  {
    name: 'handled: a non-transactional event has ctx.transactional false',
    request: delivery(eventBody('user.create.complete', { id: 'evt-complete' })),
    expect: { status: 200, body: answer('handled', of('evt-complete', 'user.create.complete')) },
    check: (world) => expect(world.seen('evt-complete').map((seen) => seen.transactional)).toEqual([false]),
  },
  {
    name: 'handled: a type alias answers with its canonical type',
    request: delivery(eventBody('user.two-factor.failed.attempt', { id: 'evt-alias' })),
    expect: { status: 200, body: answer('handled', of('evt-alias', 'user.two-factor.failed-attempt')) },
    check: (world) =>
      expect(world.seen('evt-alias').map((seen) => seen.type)).toEqual(['user.two-factor.failed.attempt']),
  },
  {
    name: 'handled (lenient validation): a drifted field is left out and reported in ctx.schemaIssues',
    request: delivery(eventBody('user.delete', { id: 'evt-drift', user: { id: 'user-9', email: 42 } })),
    expect: { status: 200, body: answer('handled', of('evt-drift', 'user.delete')) },
    check: (world) =>
      expect(world.seen('evt-drift')).toEqual([
        {
          type: 'user.delete',
          userId: 'user-9',
          email: undefined,
          transactional: true,
          schemaIssues: [
            { path: ['user', 'email'], message: 'Invalid input: expected string, received number' },
          ],
          rawEvent: { type: 'user.delete', id: 'evt-drift', user: { id: 'user-9', email: 42 } },
        },
      ]),
  },
  {
    name: 'handled: a valid X-FusionAuth-Signature-JWT (HS256)',
    on: 'signed (HMAC key)',
    request: async () => {
      const body = eventBody('user.delete', { id: 'evt-signed' });
      return delivery(body, {
        authorization: undefined,
        'x-fusionauth-signature-jwt': await hs256Signature(body, hmacSecret),
      });
    },
    expect: { status: 200, body: answer('handled', of('evt-signed', 'user.delete')) },
    check: (world) => expect(world.seen('evt-signed')).toHaveLength(1),
    notOn: signatureOnParsedBody,
  },
  {
    name: 'handled: HTTP Basic credentials (a colon in the password)',
    on: 'HTTP Basic',
    request: delivery(eventBody('user.delete', { id: 'evt-basic' }), { authorization: basicAuthorization }),
    expect: { status: 200, body: answer('handled', of('evt-basic', 'user.delete')) },
  },
  {
    name: 'handled → 202 with responses: { handled: 202 }',
    on: 'responses: handled 202, rejected 400',
    request: delivery(eventBody('user.delete', { id: 'evt-202' })),
    expect: { status: 202, body: answer('handled', of('evt-202', 'user.delete')) },
  },
  {
    name: 'handled → 204 without a body with responses: { handled: 204 }',
    on: 'responses: handled 204',
    request: delivery(eventBody('user.delete', { id: 'evt-204' })),
    // receive() is not HTTP: it returns the JSON, and whoever writes the answer drops it for a 204.
    expect: (mount) => ({
      status: 204,
      body: mount.writer === 'none' ? answer('handled', of('evt-204', 'user.delete')) : null,
    }),
    check: (world) => expect(world.seen('evt-204')).toHaveLength(1),
  },
  {
    name: 'a 204 carries no Content-Length (RFC 9110 §8.6)',
    on: 'responses: handled 204',
    request: delivery(eventBody('user.delete', { id: 'evt-204-length' })),
    expect: { status: 204, body: null, headers: { 'content-length': null } },
    notOn: (mount) => (mount.writer === 'none' ? 'receive() writes no HTTP answer' : undefined),
  },
];

const ignoredRows: Row[] = [
  {
    name: 'ignored → 200: no handler for a known type',
    request: delivery(eventBody('user.create', { id: 'evt-nohandler' })),
    expect: {
      status: 200,
      body: answer('ignored', of('evt-nohandler', 'user.create', 'no handler for user.create')),
    },
  },
  {
    name: 'ignored → 200: a type from the future',
    request: delivery(eventBody('user.future-thing', { id: 'evt-future' })),
    expect: {
      status: 200,
      body: answer('ignored', of('evt-future', 'user.future-thing', 'no handler for user.future-thing')),
    },
  },
  {
    name: 'ignored → 200: another tenant (tenantIds), with the event named; handlers not run',
    on: 'tenant and application filters',
    request: delivery(eventBody('user.delete', { id: 'evt-tenant', tenantId: 'tenant-b' })),
    expect: {
      status: 200,
      body: answer('ignored', of('evt-tenant', 'user.delete', 'tenant is not in tenantIds')),
    },
    check: (world) => expect(world.seen('evt-tenant')).toEqual([]),
  },
  {
    name: 'ignored → 200: another application (applicationIds)',
    on: 'tenant and application filters',
    request: delivery(
      eventBody('user.delete', { id: 'evt-app', tenantId: 'tenant-a', applicationId: 'app-b' }),
    ),
    expect: {
      status: 200,
      body: answer('ignored', of('evt-app', 'user.delete', 'application is not in applicationIds')),
    },
    check: (world) => expect(world.seen('evt-app')).toEqual([]),
  },
  {
    name: "ignored → 422 with unhandled: 'reject' (no handler)",
    on: "unhandled: 'reject'",
    request: delivery(eventBody('user.create', { id: 'evt-unhandled' })),
    expect: {
      status: 422,
      body: answer('ignored', of('evt-unhandled', 'user.create', 'no handler for user.create')),
    },
  },
  {
    name: "ignored → 200 with unhandled: 'reject' when a filter excluded it",
    on: "unhandled: 'reject'",
    request: delivery(eventBody('user.delete', { id: 'evt-filtered', tenantId: 'tenant-b' })),
    expect: {
      status: 200,
      body: answer('ignored', of('evt-filtered', 'user.delete', 'tenant is not in tenantIds')),
    },
  },
];

const idempotencyRows: Row[] = [
  {
    name: 'duplicate → 200: the same event again does not run the handlers again',
    run: async (send) => {
      const body = eventBody('user.delete', { id: 'evt-dup' });
      const first = await send(delivery(body));
      expect([first.status, first.json]).toEqual([200, answer('handled', of('evt-dup', 'user.delete'))]);
      return send(delivery(body));
    },
    expect: { status: 200, body: answer('duplicate', of('evt-dup', 'user.delete')) },
    check: (world) => expect(world.seen('evt-dup')).toHaveLength(1),
  },
  {
    // Two FusionAuth webhooks at one receiver send both copies at once: a 409 would be a failed vote
    // that can roll back an operation whose handler succeeded, so the copy waits and answers the same.
    name: 'a copy that arrives while the event is handled waits for it and answers 200 duplicate; the handler runs once',
    run: async (send, world) => {
      const body = eventBody('user.reactivate', { id: 'evt-busy' });
      const gate = world.hold('evt-busy');
      const first = send(delivery(body));
      await gate.entered;
      const second = send(delivery(body));
      await new Promise((resolve) => setTimeout(resolve, 50));
      gate.release();
      const settled = await first;
      expect([settled.status, settled.json]).toEqual([
        200,
        answer('handled', of('evt-busy', 'user.reactivate')),
      ]);
      return second;
    },
    expect: { status: 200, body: answer('duplicate', of('evt-busy', 'user.reactivate')) },
    check: (world) => expect(world.seen('evt-busy')).toHaveLength(1),
  },
  {
    name: 'unavailable → 503 when the idempotency store is down; handlers not run',
    request: delivery(eventBody('user.delete', { id: `${storeDownPrefix}-1` })),
    expect: {
      status: 503,
      body: answer('unavailable', of(`${storeDownPrefix}-1`, 'user.delete', 'idempotency store unavailable')),
    },
    check: (world) => expect(world.seen(`${storeDownPrefix}-1`)).toEqual([]),
  },
];

const handlerRows: Row[] = [
  {
    name: 'rejected → 422 with the reason given to ctx.reject',
    request: delivery(registration('evt-veto', 'eve@blocked.example')),
    expect: {
      status: 422,
      body: answer(
        'rejected',
        of('evt-veto', 'user.registration.create', 'registration not allowed for this domain'),
      ),
    },
    // The queue hand-off was registered before the veto: a vetoed event is never handed on.
    check: (world) => expect(world.queued).not.toContain('evt-veto'),
  },
  {
    name: 'rejected → the status given to ctx.reject (409)',
    request: delivery(registration('evt-taken', 'taken@example.com')),
    expect: {
      status: 409,
      body: answer('rejected', of('evt-taken', 'user.registration.create', 'username taken')),
    },
    check: (world) => expect(world.queued).not.toContain('evt-taken'),
  },
  {
    name: 'rejected → the status of a thrown WebhookRejection (403)',
    request: delivery(registration('evt-banned', 'banned@example.com')),
    expect: { status: 403, body: answer('rejected', of('evt-banned', 'user.registration.create', 'banned')) },
    check: (world) => expect(world.queued).not.toContain('evt-banned'),
  },
  {
    name: 'rejected → 400 with responses: { rejected: 400 }',
    on: 'responses: handled 202, rejected 400',
    request: delivery(registration('evt-veto-400', 'eve@blocked.example')),
    expect: {
      status: 400,
      body: answer(
        'rejected',
        of('evt-veto-400', 'user.registration.create', 'registration not allowed for this domain'),
      ),
    },
  },
  {
    name: 'handled: a registration nobody vetoes',
    request: delivery(registration('evt-welcome', 'ada@example.com')),
    expect: { status: 200, body: answer('handled', of('evt-welcome', 'user.registration.create')) },
    check: (world) => expect(world.queued).toEqual(expect.arrayContaining(['evt-welcome'])),
  },
  {
    name: 'handler_error → 500; the answer has neither the message nor a stack',
    request: delivery(eventBody('user.update', { id: 'evt-throws' })),
    expect: { status: 500, body: answer('handler_error', of('evt-throws', 'user.update', 'handler failed')) },
    check: (world) => expect(world.seen('evt-throws')).toHaveLength(1),
  },
  {
    name: 'timeout → 504 at the deadline; ctx.signal is aborted',
    on: 'short deadline',
    request: delivery(eventBody('user.deactivate', { id: 'evt-slow' })),
    expect: {
      status: 504,
      body: answer('timeout', of('evt-slow', 'user.deactivate', 'handlers did not finish within 150 ms')),
    },
    check: (world) => expect(world.seen('evt-slow').map((seen) => seen.aborted)).toEqual([true]),
  },
];

const unauthorized = (error: string) => answer('unauthorized', { error });
const nothingRan = (id: string) => (world: World) => expect(world.seen(id)).toEqual([]);

const authRows: Row[] = [
  {
    name: 'unauthorized → 401 without the Authorization header; handlers not run',
    request: delivery(eventBody('user.delete', { id: 'evt-anon' }), { authorization: undefined }),
    expect: { status: 401, body: unauthorized('authorization check failed') },
    check: nothingRan('evt-anon'),
  },
  {
    name: 'unauthorized → 401 with a wrong value, which is not echoed',
    request: delivery(eventBody('user.delete', { id: 'evt-guess' }), { authorization: `${authorization}x` }),
    expect: { status: 401, body: unauthorized('authorization check failed') },
    check: nothingRan('evt-guess'),
  },
  {
    name: 'unauthorized → 401 before the body is read (a 50 MB body is not taken)',
    request: { headers: json, stream: { bytes: fiftyMegabytes } },
    expect: { status: 401, body: unauthorized('authorization check failed'), read: 'nothing' },
    notOn: readsTheBody,
  },
  {
    name: 'unauthorized → 401 with WWW-Authenticate: Basic for wrong credentials',
    on: 'HTTP Basic',
    request: delivery(eventBody('user.delete', { id: 'evt-basic-wrong' }), {
      authorization: `Basic ${btoa('fusionauth:wrong')}`,
    }),
    expect: { status: 401, body: unauthorized('authorization check failed'), headers: basicChallenge },
    check: nothingRan('evt-basic-wrong'),
  },
  {
    name: 'unauthorized → 401 with WWW-Authenticate: Basic without credentials',
    on: 'HTTP Basic',
    request: delivery(eventBody('user.delete'), { authorization: undefined }),
    expect: { status: 401, body: unauthorized('authorization check failed'), headers: basicChallenge },
  },
  {
    name: 'unauthorized → 401 when the body was changed after signing',
    on: 'signed (HMAC key)',
    request: async () => {
      const body = eventBody('user.delete', { id: 'evt-tampered' });
      const signature = await hs256Signature(body, hmacSecret);
      return delivery(body.replace('user-1', 'user-2'), {
        authorization: undefined,
        'x-fusionauth-signature-jwt': signature,
      });
    },
    expect: { status: 401, body: unauthorized('signature check failed') },
    check: nothingRan('evt-tampered'),
    notOn: signatureOnParsedBody,
  },
  {
    name: 'unauthorized → 401 for a signature made with another key',
    on: 'signed (HMAC key)',
    request: async () => {
      const body = eventBody('user.delete');
      return delivery(body, {
        authorization: undefined,
        'x-fusionauth-signature-jwt': await hs256Signature(body, 'not-the-secret'),
      });
    },
    expect: { status: 401, body: unauthorized('signature check failed') },
  },
  {
    name: 'unauthorized → 401 without X-FusionAuth-Signature-JWT',
    on: 'signed (HMAC key)',
    request: delivery(eventBody('user.delete'), { authorization: undefined }),
    expect: { status: 401, body: unauthorized('signature check failed') },
  },
  {
    name: 'unavailable → 503 when the JWKS cannot be fetched and no key is cached',
    on: 'signed (JWKS down)',
    request: async () => {
      const body = eventBody('user.delete');
      return delivery(body, {
        authorization: undefined,
        'x-fusionauth-signature-jwt': await hs256Signature(body, hmacSecret),
      });
    },
    expect: { status: 503, body: answer('unavailable', { error: 'signature check could not run' }) },
  },
  {
    name: 'misconfigured → 500 naming the fix when a signature must be checked but the body was parsed',
    on: 'signed (HMAC key)',
    request: async () => {
      const body = eventBody('user.delete', { id: 'evt-parsed' });
      return delivery(body, {
        authorization: undefined,
        'x-fusionauth-signature-jwt': await hs256Signature(body, hmacSecret),
      });
    },
    expect: {
      status: 500,
      body: answer('misconfigured', {
        error:
          'the body was already read by a JSON body parser (such as express.json()), so the exact bytes are ' +
          'gone: mount the webhook before any body parser, or keep the raw bytes (Express: express.json({ ' +
          'verify: rawBodySaver }); Hono: read c.req.arrayBuffer() instead of text()/json())',
      }),
    },
    check: nothingRan('evt-parsed'),
    notOn: (mount) =>
      mount.parsedBy === 'express.json()'
        ? undefined
        : 'nothing here leaves the webhook without the raw bytes (Hono cached bodies: packages/hono/test)',
  },
];

const badRequest = (error: string, event?: [string, string]) =>
  answer('bad_request', event === undefined ? { error } : of(event[0], event[1], error));

const noEventObject =
  'body has no "event" object; expected a FusionAuth webhook body {"event": {"type": …, "id": …}}';

const bodyRows: Row[] = [
  {
    name: 'bad_request → 400: not JSON',
    request: delivery('{"event": '),
    expect: { status: 400, body: badRequest('body is not valid JSON') },
    notOn: refusesItself,
  },
  {
    name: 'bad_request → 400: an empty body',
    request: delivery(''),
    // express.json() makes {} of an empty body before the webhook sees it: still a 400, for another reason.
    expect: (mount) => ({
      status: 400,
      body: badRequest(mount.parsedBy === 'express.json()' ? noEventObject : 'body is empty'),
    }),
  },
  {
    name: 'bad_request → 400: not UTF-8',
    request: delivery(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])),
    expect: { status: 400, body: badRequest('body is not valid UTF-8') },
    notOn: refusesItself,
  },
  {
    name: 'bad_request → 400: JSON that is not an event',
    request: delivery('{"hello":"world"}'),
    expect: {
      status: 400,
      body: badRequest(noEventObject),
    },
  },
  {
    name: 'bad_request → 400: the main object id fails its schema, naming the path',
    request: delivery(eventBody('user.delete', { id: 'evt-bad-id', user: { id: 7 } })),
    expect: {
      status: 400,
      body: badRequest(
        'invalid user.delete event: user.id: Invalid input: expected string, received number',
        ['evt-bad-id', 'user.delete'],
      ),
    },
    check: nothingRan('evt-bad-id'),
  },
  {
    name: 'bad_request → 400: the main object is missing',
    request: delivery(eventBody('user.delete', { id: 'evt-no-user', user: undefined })),
    expect: {
      status: 400,
      body: badRequest(
        'invalid user.delete event: user: Invalid input: expected object, received undefined',
        ['evt-no-user', 'user.delete'],
      ),
    },
  },
  {
    name: "bad_request → 400 with validation: 'strict' for a drifted field",
    on: "validation: 'strict'",
    request: delivery(eventBody('user.delete', { id: 'evt-strict', user: { id: 'user-9', email: 42 } })),
    expect: {
      status: 400,
      body: badRequest(
        'invalid user.delete event: user.email: Invalid input: expected string, received number',
        ['evt-strict', 'user.delete'],
      ),
    },
    check: nothingRan('evt-strict'),
  },
];

const notPost = (method: string): Row => ({
  name: `method_not_allowed → 405 with Allow: POST for ${method}`,
  request:
    method === 'GET'
      ? { method, headers: { authorization } }
      : { ...delivery(eventBody('user.delete')), method },
  expect: {
    status: 405,
    body: answer('method_not_allowed', { error: `method ${method} is not allowed; send POST` }),
    headers: allowPost,
  },
});

const notJson = (name: string, request: TestRequest): Row => ({
  name: `unsupported_media_type → 415: ${name}`,
  request,
  expect: {
    status: 415,
    body: answer('unsupported_media_type', { error: 'content type must be application/json' }),
  },
});

const tooLarge = (limit: number) =>
  answer('payload_too_large', { error: `body is larger than ${limit} bytes` });

const httpRows: Row[] = [
  notPost('GET'),
  notPost('PUT'),
  notPost('DELETE'),
  notJson('text/plain', delivery(eventBody('user.delete'), { 'content-type': 'text/plain' })),
  notJson(
    'a form',
    delivery(eventBody('user.delete'), { 'content-type': 'application/x-www-form-urlencoded' }),
  ),
  notJson('no content type', {
    headers: { authorization },
    body: new TextEncoder().encode(eventBody('user.delete')),
  }),
  {
    name: 'payload_too_large → 413: a declared Content-Length over the limit',
    on: 'small limit',
    request: delivery(eventBody('user.delete', { id: 'evt-big', padding: 'x'.repeat(2048) })),
    expect: { status: 413, body: tooLarge(1024) },
    check: nothingRan('evt-big'),
  },
  {
    name: 'payload_too_large → 413 from Content-Length alone: a declared 50 MB body is not taken',
    request: { headers: authed, stream: { bytes: fiftyMegabytes, declared: true } },
    expect: { status: 413, body: tooLarge(defaultLimit), read: 'nothing' },
    notOn: readsTheBody,
  },
  {
    name: 'payload_too_large → 413: a streamed 50 MB body is cut off at the limit',
    request: { headers: authed, stream: { bytes: fiftyMegabytes } },
    expect: { status: 413, body: tooLarge(defaultLimit), read: 'up to the limit' },
    notOn: readsTheBody,
  },
  {
    name: 'request_timeout → 408 when the body stops arriving',
    on: 'short body timeout',
    request: { headers: authed, stall: { sent: '{"event":', declared: 1024 } },
    expect: {
      status: 408,
      body: answer('request_timeout', { error: 'the body did not arrive within 200 ms' }),
    },
    notOn: readsTheBody,
  },
];

export const table: readonly Row[] = [
  ...handledRows,
  ...ignoredRows,
  ...idempotencyRows,
  ...handlerRows,
  ...authRows,
  ...bodyRows,
  ...httpRows,
];
