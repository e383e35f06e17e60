import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { delivery, eventBody, fromResponse } from '../../../test/adapter-kit/requests.js';
import { scenario } from '../../../test/adapter-kit/scenario.js';
import { honoHandler } from '../src/handler.js';
import type { AuthhooksDelivery } from '../src/variables.js';
import type { Requestable } from './helpers/requestable.js';

function post(app: Requestable, request: ReturnType<typeof delivery>) {
  const init: RequestInit = { method: 'POST', headers: request.headers ?? {} };
  if (request.body !== undefined) init.body = request.body;
  return Promise.resolve(app.request('/hook', init)).then(fromResponse);
}

describe('default mode: the webhook answers itself', () => {
  it('does not call next(); outer middleware sees c.var.authhooks after next()', async () => {
    const { receiver } = scenario();
    let seen: AuthhooksDelivery | undefined;
    let later = false;
    const app = new Hono()
      .use(async (c, next) => {
        await next();
        seen = (c.var as { authhooks?: AuthhooksDelivery }).authhooks;
      })
      .use('/hook', honoHandler(receiver))
      .post('/hook', (c) => {
        later = true;
        return c.text('not reached');
      });
    const res = await post(app, delivery(eventBody('user.delete', { id: 'evt-v' })));
    expect(res.status).toBe(200);
    expect(later).toBe(false);
    expect(seen).toEqual({
      event: { type: 'user.delete', id: 'evt-v', user: { id: 'u-1', email: 'a@example.com' } },
      eventType: 'user.delete',
      eventId: 'evt-v',
      outcome: 'handled',
      status: 200,
    });
  });
});

describe('passThrough: true', () => {
  function build() {
    const { receiver, deleted } = scenario();
    const reached: unknown[] = [];
    const app = new Hono().use('/hook', honoHandler(receiver, { passThrough: true })).post('/hook', (c) => {
      reached.push(c.get('authhooks'));
      c.header('x-later', 'yes');
      return c.text('later handlers cannot change the answer', 201);
    });
    return { app, reached, deleted };
  }

  it('after a 2xx with an event: next() runs with c.get("authhooks"), the answer stays the core answer', async () => {
    const { app, reached, deleted } = build();
    const res = await post(app, delivery(eventBody('user.delete', { id: 'evt-n', userId: 'u-9' })));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ outcome: 'handled', eventId: 'evt-n', eventType: 'user.delete' });
    expect(res.header('content-type')).toBe('application/json; charset=utf-8');
    expect(res.header('x-later')).toBeUndefined();
    expect(deleted).toEqual(['u-9']);
    expect(reached).toEqual([
      {
        event: { type: 'user.delete', id: 'evt-n', user: { id: 'u-9', email: 'a@example.com' } },
        eventType: 'user.delete',
        eventId: 'evt-n',
        outcome: 'handled',
        status: 200,
      },
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
    const rejected = await post(app, delivery(eventBody('user.registration.create')));
    expect(rejected.status).toBe(422);
    const unauthorized = await post(app, delivery(eventBody('user.delete'), { authorization: 'nope' }));
    expect(unauthorized.status).toBe(401);
    const failed = await post(app, delivery(eventBody('user.email.verified')));
    expect(failed.status).toBe(500);
    expect(reached).toEqual([]);
  });

  it('a later handler that throws does not change the answer', async () => {
    const { receiver } = scenario();
    const app = new Hono().use('/hook', honoHandler(receiver, { passThrough: true })).post('/hook', () => {
      throw new Error('follow-up failed');
    });
    app.onError((_error, c) => c.text('boom', 500));
    const res = await post(app, delivery(eventBody('user.delete')));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ outcome: 'handled' });
  });
});

describe('a body another middleware already read', () => {
  it('uses the text Hono cached (c.req.json() before the webhook)', async () => {
    const { receiver, deleted } = scenario();
    const app = new Hono()
      .use('/hook', async (c, next) => {
        await c.req.json();
        await next();
      })
      .use('/hook', honoHandler(receiver));
    const res = await post(app, delivery(eventBody('user.delete', { userId: 'u-7' })));
    expect(res.status).toBe(200);
    expect(deleted).toEqual(['u-7']);
  });

  it('answers 500 naming the fix when the raw stream was drained without a cache', async () => {
    const { receiver, deleted } = scenario();
    const app = new Hono()
      .use('/hook', async (c, next) => {
        await c.req.raw.text();
        await next();
      })
      .use('/hook', honoHandler(receiver));
    const res = await post(app, delivery(eventBody('user.delete')));
    expect(res.status).toBe(500);
    expect(res.json).toMatchObject({ outcome: 'misconfigured' });
    expect((res.json as { error: string }).error).toMatch(
      /^the body was already read by another middleware that did not keep it.*mount the webhook before any body parser/,
    );
    expect(deleted).toEqual([]);
  });

  it('still checks headers first: 401 without touching the cache', async () => {
    const { receiver } = scenario();
    const app = new Hono()
      .use('/hook', async (c, next) => {
        await c.req.raw.text();
        await next();
      })
      .use('/hook', honoHandler(receiver));
    const res = await post(app, delivery(eventBody('user.delete'), { authorization: 'x' }));
    expect(res.status).toBe(401);
  });
});

describe('responses override to a null-body status', () => {
  it('answers 204 with no body', async () => {
    const { receiver } = scenario({ responses: { handled: 204 } });
    const app = new Hono().use('/hook', honoHandler(receiver));
    const res = await post(app, delivery(eventBody('user.delete')));
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
  });
});
