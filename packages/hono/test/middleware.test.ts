import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { type Send, type TestRequest, webSender } from '../../../test/conformance/client.js';
import { eventBody } from '../../../test/conformance/event-body.js';
import { delivery, optionsOf, registerScenario, World } from '../../../test/conformance/scenario.js';
import { fusionWebhook, type HonoHandlerOptions } from '../src/index.js';
import type { AuthhooksDelivery } from '../src/variables.js';
import type { Requestable } from './helpers/requestable.js';

const post = (app: Requestable, request: TestRequest) =>
  webSender((req) => app.request(req), 'http://localhost/hook')(request);

/** The FusionAuth webhook with the shared scenario's handlers (see test/conformance/scenario.ts). */
function webhook(options: HonoHandlerOptions = {}) {
  const world = new World();
  const hook = fusionWebhook({ ...optionsOf(), ...options });
  registerScenario(hook, world);
  return { hook, world };
}

const expectedDelivery = (eventId: string) => ({
  event: { type: 'user.delete', id: eventId, user: { id: 'user-1', email: 'ada@example.com' } },
  eventType: 'user.delete',
  eventId,
  outcome: 'handled',
  status: 200,
});

describe('default mode: the webhook answers itself', () => {
  it('does not call next(); outer middleware sees c.var.authhooks after next()', async () => {
    const { hook } = webhook();
    let seen: AuthhooksDelivery | undefined;
    let later = false;
    const app = new Hono()
      .use(async (c, next) => {
        await next();
        seen = (c.var as { authhooks?: AuthhooksDelivery }).authhooks;
      })
      .use('/hook', hook)
      .post('/hook', (c) => {
        later = true;
        return c.text('not reached');
      });
    const res = await post(app, delivery(eventBody('user.delete', { id: 'evt-v' })));
    expect(res.status).toBe(200);
    expect(later).toBe(false);
    expect(seen).toEqual(expectedDelivery('evt-v'));
  });
});

describe('passThrough: true', () => {
  function build() {
    const { hook, world } = webhook({ passThrough: true });
    const reached: unknown[] = [];
    const app = new Hono().use('/hook', hook).post('/hook', (c) => {
      reached.push(c.get('authhooks'));
      c.header('x-later', 'yes');
      return c.text('later handlers cannot change the answer', 201);
    });
    return { app, reached, world };
  }

  it('after a 2xx with an event: next() runs with c.get("authhooks"), the answer stays the core answer', async () => {
    const { app, reached, world } = build();
    const res = await post(app, delivery(eventBody('user.delete', { id: 'evt-n', user: { id: 'u-9' } })));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ outcome: 'handled', eventId: 'evt-n', eventType: 'user.delete' });
    expect(res.header('content-type')).toBe('application/json; charset=utf-8');
    expect(res.header('x-later')).toBeUndefined();
    expect(world.seen('evt-n').map((seen) => seen.userId)).toEqual(['u-9']);
    expect(reached).toEqual([
      { ...expectedDelivery('evt-n'), event: { type: 'user.delete', id: 'evt-n', user: { id: 'u-9' } } },
    ]);
  });

  it('ignored events with a verified body are handed on too, marked ignored', async () => {
    const { app, reached } = build();
    const res = await post(app, delivery(eventBody('user.create', { id: 'evt-i' })));
    expect(res.status).toBe(200);
    expect(reached).toMatchObject([{ outcome: 'ignored', eventType: 'user.create', eventId: 'evt-i' }]);
  });

  it('non-2xx answers never call next()', async () => {
    const { app, reached } = build();
    const vetoed = eventBody('user.registration.create', {
      user: { id: 'u-1', email: 'eve@blocked.example' },
      registration: { applicationId: 'app-1' },
    });
    expect((await post(app, delivery(vetoed))).status).toBe(422);
    const unauthorized = await post(app, delivery(eventBody('user.delete'), { authorization: 'nope' }));
    expect(unauthorized.status).toBe(401);
    expect((await post(app, delivery(eventBody('user.update')))).status).toBe(500);
    expect(reached).toEqual([]);
  });

  it('a later handler that throws does not change the answer', async () => {
    const { hook } = webhook({ passThrough: true });
    const app = new Hono().use('/hook', hook).post('/hook', () => {
      throw new Error('follow-up failed');
    });
    app.onError((_error, c) => c.text('boom', 500));
    const res = await post(app, delivery(eventBody('user.delete')));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ outcome: 'handled' });
  });
});

describe('a body another middleware already read', () => {
  const afterReading = (
    read: (c: { req: { json(): Promise<unknown>; raw: Request } }) => Promise<unknown>,
  ) => {
    const { hook, world } = webhook();
    const app = new Hono()
      .use('/hook', async (c, next) => {
        await read(c);
        await next();
      })
      .use('/hook', hook);
    const send: Send = (request) => post(app, request);
    return { send, world };
  };

  it('uses the text Hono cached (c.req.json() before the webhook)', async () => {
    const { send, world } = afterReading((c) => c.req.json());
    const res = await send(delivery(eventBody('user.delete', { id: 'evt-cached', user: { id: 'u-7' } })));
    expect(res.status).toBe(200);
    expect(world.seen('evt-cached').map((seen) => seen.userId)).toEqual(['u-7']);
  });

  it('answers 500 naming the fix when the raw stream was drained without a cache', async () => {
    const { send, world } = afterReading((c) => c.req.raw.text());
    const res = await send(delivery(eventBody('user.delete', { id: 'evt-drained' })));
    expect(res.status).toBe(500);
    expect(res.json).toMatchObject({ outcome: 'misconfigured' });
    expect((res.json as { error: string }).error).toMatch(
      /^the body was already read by another middleware that did not keep it.*mount the webhook before any body parser/,
    );
    expect(world.seen('evt-drained')).toEqual([]);
  });

  it('still checks headers first: 401 without touching the cache', async () => {
    const { send } = afterReading((c) => c.req.raw.text());
    const res = await send(delivery(eventBody('user.delete'), { authorization: 'x' }));
    expect(res.status).toBe(401);
  });
});
