import { silentLogger } from '@authhooks/core';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { eventBody } from '../../../test/conformance/event-body.js';
import { fusionWebhook } from '../src/index.js';
import type { Requestable } from './helpers/requestable.js';

const authorization = 'fusionauth-test-key';
const user = { id: '00000000-0000-0001-0000-000000000000', email: 'example@fusionauth.io' };

function deliver(app: Requestable, body: string, headers: Record<string, string> = { authorization }) {
  return app.request('/fusionauth-webhook', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

describe('fusionWebhook (Hono)', () => {
  it('verifies the Authorization header, unwraps the envelope and routes by type', async () => {
    const deleted: string[] = [];
    const transactional: boolean[] = [];
    const app = new Hono().use(
      '/fusionauth-webhook',
      fusionWebhook({ authorization, logger: silentLogger }).on('user.delete', (event, ctx) => {
        deleted.push(event.user.id);
        transactional.push(ctx.transactional);
      }),
    );
    const id = crypto.randomUUID();
    const res = await deliver(app, eventBody('user.delete', { id, createInstant: 1, user }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ outcome: 'handled', eventId: id, eventType: 'user.delete' });
    expect(deleted).toEqual([user.id]);
    expect(transactional).toEqual([true]);

    const refused = await deliver(app, eventBody('user.delete', { user }), {});
    expect(refused.status).toBe(401);
    expect(deleted).toHaveLength(1);
  });

  it('a registration veto answers 422', async () => {
    const app = new Hono().use(
      '/fusionauth-webhook',
      fusionWebhook({ authorization, logger: silentLogger }).on('user.registration.create', (_event, ctx) =>
        ctx.reject('registration not allowed for this domain'),
      ),
    );
    const body = eventBody('user.registration.create', {
      createInstant: 1,
      applicationId: crypto.randomUUID(),
      registration: { id: crypto.randomUUID(), applicationId: crypto.randomUUID() },
      user,
    });
    const res = await deliver(app, body);
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({
      outcome: 'rejected',
      error: 'registration not allowed for this domain',
    });
  });

  it('takes passThrough and hands the typed event on', async () => {
    const seen: string[] = [];
    const app = new Hono()
      .use('/fusionauth-webhook', fusionWebhook({ authorization, logger: silentLogger, passThrough: true }))
      .post('/fusionauth-webhook', (c) => {
        seen.push(c.var.authhooks.event.type);
        return c.body(null);
      });
    const res = await deliver(app, eventBody('user.create', { createInstant: 1, user }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ outcome: 'ignored', eventType: 'user.create' });
    expect(seen).toEqual(['user.create']);
  });
});
