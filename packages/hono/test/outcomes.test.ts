import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { outcomeTable } from '../../../test/adapter-kit/outcome-table.js';
import {
  delivery,
  eventBody,
  fetchSender,
  fromResponse,
  type Send,
} from '../../../test/adapter-kit/requests.js';
import { scenario } from '../../../test/adapter-kit/scenario.js';
import { honoHandler } from '../src/handler.js';
import { listen } from './helpers/hono-server.js';
import type { Requestable } from './helpers/requestable.js';

function inProcess(app: Requestable): Send {
  return async (request) => {
    const init: RequestInit = { method: request.method ?? 'POST', headers: request.headers ?? {} };
    if (request.body !== undefined) init.body = request.body;
    return fromResponse(await app.request('/fusionauth-webhook', init));
  };
}

describe('honoHandler via app.request(), mounted with app.use', () => {
  outcomeTable(async (receiver) => {
    const app = new Hono().use('/fusionauth-webhook', honoHandler(receiver));
    return { send: inProcess(app), close: async () => {} };
  });
});

describe('honoHandler over HTTP (@hono/node-server), mounted with app.all', () => {
  outcomeTable(async (receiver) => {
    const app = new Hono().all('/fusionauth-webhook', honoHandler(receiver));
    const server = await listen(app);
    return { send: fetchSender(() => `${server.url}/fusionauth-webhook`), close: server.close };
  });
});

describe('honoHandler mounted with app.post', () => {
  it('answers POST; other methods never reach it (Hono answers 404: use app.use or app.all for 405)', async () => {
    const { receiver, deleted } = scenario();
    const app = new Hono().post('/fusionauth-webhook', honoHandler(receiver));
    const send = inProcess(app);
    const res = await send(delivery(eventBody('user.delete', { id: 'evt-p' })));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ outcome: 'handled', eventId: 'evt-p', eventType: 'user.delete' });
    expect(deleted).toEqual(['u-1']);
    expect((await send({ method: 'GET' })).status).toBe(404);
  });

  it('keeps headers set by earlier middleware and lets it see the answer', async () => {
    const { receiver } = scenario();
    const seen: number[] = [];
    const app = new Hono()
      .use(async (c, next) => {
        c.header('x-request-id', 'r-1');
        await next();
        seen.push(c.res.status);
      })
      .post('/fusionauth-webhook', honoHandler(receiver));
    const res = await inProcess(app)(delivery(eventBody('user.registration.create')));
    expect(res.status).toBe(422);
    expect(res.header('x-request-id')).toBe('r-1');
    expect(res.header('content-type')).toBe('application/json; charset=utf-8');
    expect(seen).toEqual([422]);
  });
});
