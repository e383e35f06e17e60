import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { webSender } from '../../../test/conformance/client.js';
import { eventBody } from '../../../test/conformance/event-body.js';
import { delivery, optionsOf, registerScenario, World } from '../../../test/conformance/scenario.js';
import { fusionWebhook } from '../src/index.js';
import type { Requestable } from './helpers/requestable.js';

// app.use and app.all mounts run the whole outcome table in test/conformance; app.post differs.
const inProcess = (app: Requestable) =>
  webSender((request) => app.request(request), 'http://localhost/fusionauth-webhook');

function webhook() {
  const world = new World();
  const hook = fusionWebhook(optionsOf());
  registerScenario(hook, world);
  return { hook, world };
}

describe('fusionWebhook mounted with app.post', () => {
  it('answers POST; other methods never reach it (Hono answers 404: use app.use or app.all for 405)', async () => {
    const { hook, world } = webhook();
    const send = inProcess(new Hono().post('/fusionauth-webhook', hook));
    const res = await send(delivery(eventBody('user.delete', { id: 'evt-p' })));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ outcome: 'handled', eventId: 'evt-p', eventType: 'user.delete' });
    expect(world.seen('evt-p').map((seen) => seen.userId)).toEqual(['user-1']);
    expect((await send({ method: 'GET' })).status).toBe(404);
  });

  it('keeps headers set by earlier middleware and lets it see the answer', async () => {
    const { hook } = webhook();
    const seen: number[] = [];
    const app = new Hono()
      .use(async (c, next) => {
        c.header('x-request-id', 'r-1');
        await next();
        seen.push(c.res.status);
      })
      .post('/fusionauth-webhook', hook);
    const vetoed = eventBody('user.registration.create', {
      user: { id: 'u-1', email: 'eve@blocked.example' },
      registration: { applicationId: 'app-1' },
    });
    const res = await inProcess(app)(delivery(vetoed));
    expect(res.status).toBe(422);
    expect(res.header('x-request-id')).toBe('r-1');
    expect(res.header('content-type')).toBe('application/json; charset=utf-8');
    expect(seen).toEqual([422]);
  });
});
