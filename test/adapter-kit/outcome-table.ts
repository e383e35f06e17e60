// Shared by the Hono and Fastify adapter suites: one outcome table and one test provider for both.
import { afterEach, expect, it } from 'vitest';
import { secret } from './provider.js';
import { basicAuthorization, delivery, eventBody, type Send } from './requests.js';
import { brokenStore, type Scenario, scenario, type TestReceiver } from './scenario.js';

export interface Mounted {
  readonly send: Send;
  close(): Promise<void>;
}

/** Puts a receiver behind the adapter under test. */
export type Mount = (receiver: TestReceiver) => Promise<Mounted>;

const json = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

/**
 * Every row of DESIGN.md's outcome table, with exact statuses, bodies and headers. Registers one
 * `it` per row; call it inside a `describe` of the adapter.
 */
export function outcomeTable(mount: Mount): void {
  let open: Mounted | undefined;
  afterEach(async () => {
    await open?.close();
    open = undefined;
  });

  async function setup(options: Parameters<typeof scenario>[0] = {}): Promise<Scenario & { send: Send }> {
    const built = scenario(options);
    open = await mount(built.receiver);
    return { ...built, send: open.send };
  }

  it('handled → 200, handlers ran, JSON answer', async () => {
    const { send, deleted } = await setup();
    const res = await send(delivery(eventBody('user.delete', { id: 'evt-1', userId: 'u-42' })));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ outcome: 'handled', eventId: 'evt-1', eventType: 'user.delete' });
    expect(res.header('content-type')).toBe(json['content-type']);
    expect(res.header('cache-control')).toBe(json['cache-control']);
    expect(deleted).toEqual(['u-42']);
  });

  it('ignored (no handler) → 200', async () => {
    const { send } = await setup();
    const res = await send(delivery(eventBody('user.create', { id: 'evt-2' })));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      outcome: 'ignored',
      eventId: 'evt-2',
      eventType: 'user.create',
      error: 'no handler for user.create',
    });
  });

  it('ignored (tenant filter) → 200 without running handlers', async () => {
    const { send, deleted } = await setup({ tenantId: 'tenant-a' });
    const res = await send(delivery(eventBody('user.delete', { tenantId: 'tenant-b' })));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      outcome: 'ignored',
      eventType: 'user.delete',
      error: 'event of another tenant',
    });
    expect((res.json as { eventId?: unknown }).eventId).toEqual(expect.any(String));
    expect(deleted).toEqual([]);
  });

  it("ignored with unhandled: 'reject' → 422", async () => {
    const { send } = await setup({ unhandled: 'reject' });
    const res = await send(delivery(eventBody('user.create', { id: 'evt-3' })));
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({ outcome: 'ignored', eventId: 'evt-3' });
  });

  it('duplicate → 200, handlers ran once', async () => {
    const { send, deleted } = await setup();
    const body = eventBody('user.delete', { id: 'evt-dup' });
    expect((await send(delivery(body))).status).toBe(200);
    const res = await send(delivery(body));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ outcome: 'duplicate', eventId: 'evt-dup', eventType: 'user.delete' });
    expect(deleted).toEqual(['u-1']);
  });

  it('in_progress → 409 while the same event is being handled', async () => {
    const { send, gate } = await setup({ timeoutMs: false });
    const body = eventBody('user.update', { id: 'evt-slow' });
    const first = send(delivery(body));
    await gate.entered;
    const second = await send(delivery(body));
    expect(second.status).toBe(409);
    expect(second.json).toMatchObject({ outcome: 'in_progress', eventId: 'evt-slow' });
    gate.release();
    const res = await first;
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ outcome: 'handled' });
  });

  it('rejected → 422 with the reason', async () => {
    const { send } = await setup();
    const res = await send(delivery(eventBody('user.registration.create', { id: 'evt-r' })));
    expect(res.status).toBe(422);
    expect(res.json).toEqual({
      outcome: 'rejected',
      eventId: 'evt-r',
      eventType: 'user.registration.create',
      error: 'registration not allowed',
    });
  });

  it('rejected with a status → that status', async () => {
    const { send } = await setup();
    const res = await send(delivery(eventBody('user.registration.create', { email: 'x@blocked.example' })));
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({ outcome: 'rejected', error: 'domain is blocked' });
  });

  it('handler_error → 500 without the message', async () => {
    const { send } = await setup();
    const res = await send(delivery(eventBody('user.email.verified', { id: 'evt-e' })));
    expect(res.status).toBe(500);
    expect(res.json).toEqual({
      outcome: 'handler_error',
      eventId: 'evt-e',
      eventType: 'user.email.verified',
      error: 'handler failed',
    });
    expect(res.text).not.toContain('hunter2');
  });

  it('timeout → 504', async () => {
    const { send } = await setup();
    const res = await send(delivery(eventBody('user.login.success', { id: 'evt-t' })));
    expect(res.status).toBe(504);
    expect(res.json).toMatchObject({ outcome: 'timeout', eventId: 'evt-t' });
  });

  it('unauthorized (missing header) → 401, handlers not run', async () => {
    const { send, deleted } = await setup();
    const res = await send(delivery(eventBody('user.delete'), { authorization: undefined }));
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ outcome: 'unauthorized' });
    expect(res.header('www-authenticate')).toBeUndefined();
    expect(deleted).toEqual([]);
  });

  it('unauthorized (wrong value) → 401 without echoing it', async () => {
    const { send } = await setup();
    const res = await send(delivery(eventBody('user.delete'), { authorization: 'Bearer guess' }));
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ outcome: 'unauthorized', error: 'authorization check failed' });
    expect(res.text).not.toContain(secret);
  });

  it('unauthorized with Basic configured → 401 with WWW-Authenticate', async () => {
    const { send } = await setup({ basic: true });
    const res = await send(delivery(eventBody('user.delete'), { authorization: 'Basic d3Jvbmc6d3Jvbmc=' }));
    expect(res.status).toBe(401);
    expect(res.header('www-authenticate')).toBe('Basic realm="webhook", charset="UTF-8"');
    const ok = await send(delivery(eventBody('user.delete'), { authorization: basicAuthorization }));
    expect(ok.status).toBe(200);
  });

  it('bad_request (not JSON) → 400', async () => {
    const { send } = await setup();
    const res = await send(delivery('{"event": '));
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ outcome: 'bad_request' });
  });

  it('bad_request (schema) → 400 naming the path', async () => {
    const { send, deleted } = await setup();
    const res = await send(delivery(eventBody('user.delete', { noUser: true })));
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      outcome: 'bad_request',
      eventId: 'evt-user.delete',
      eventType: 'user.delete',
      error: 'invalid user.delete event: user.id: required for user.delete',
    });
    expect(deleted).toEqual([]);
  });

  it('method_not_allowed → 405 with Allow: POST', async () => {
    const { send } = await setup();
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const { headers, body } = delivery(eventBody('user.delete'));
      const res = await send(method === 'GET' ? { method, headers } : { method, headers, body });
      expect(res.status, method).toBe(405);
      expect(res.header('allow'), method).toBe('POST');
      expect(res.json, method).toEqual({
        outcome: 'method_not_allowed',
        error: `method ${method} is not allowed; send POST`,
      });
    }
  });

  it('unsupported_media_type → 415', async () => {
    const { send } = await setup();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const res = await send(delivery(eventBody('user.delete'), { 'content-type': type }));
      expect(res.status, type).toBe(415);
      expect(res.json, type).toEqual({
        outcome: 'unsupported_media_type',
        error: 'content type must be application/json',
      });
    }
  });

  it('payload_too_large → 413', async () => {
    const { send, deleted } = await setup({ maxBodyBytes: 1024 });
    const body = eventBody('user.delete').replace('}}', `, "pad": "${'x'.repeat(2048)}"}}`);
    const res = await send(delivery(body));
    expect(res.status).toBe(413);
    expect(res.json).toEqual({ outcome: 'payload_too_large', error: 'body is larger than 1024 bytes' });
    expect(deleted).toEqual([]);
  });

  it('unavailable → 503 when the idempotency store is down', async () => {
    const { send, deleted } = await setup({ store: brokenStore });
    const res = await send(delivery(eventBody('user.delete', { id: 'evt-u' })));
    expect(res.status).toBe(503);
    expect(res.json).toMatchObject({ outcome: 'unavailable', eventId: 'evt-u' });
    expect(deleted).toEqual([]);
  });
}
