import { silentLogger } from '@authhooks/core';
import express5 from 'express';
import express4 from 'express4';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { eventBody } from '../../../test/conformance/event-body.js';
import { hs256Signature as hs256 } from '../../../test/conformance/signing.js';
import { type FusionWebhookOptions, fusionWebhook, logtoWebhook, rawBodySaver } from '../src/index.js';

const key = 'test-authorization-value';
const userId = '00000000-0000-0001-0000-000000000000';
const deleteBody = (id: string = crypto.randomUUID()) =>
  eventBody('user.delete', { id, user: { id: userId } });

const expresses = [
  ['Express 5', express5],
  ['Express 4', express4],
] as const;

function webhook(options: FusionWebhookOptions = { authorization: key }) {
  const seen: string[] = [];
  const hook = fusionWebhook({ logger: silentLogger, ...options }).on('user.delete', (event, ctx) => {
    seen.push(`${event.user.id}:${ctx.transactional}`);
  });
  return { hook, seen };
}

describe.each(expresses)('%s', (_name, express) => {
  it('answers a mounted app.use() webhook and runs the typed handler', async () => {
    const { hook, seen } = webhook();
    const app = express().use('/fusionauth-webhook', hook);
    const response = await request(app)
      .post('/fusionauth-webhook')
      .set('content-type', 'application/json')
      .set('authorization', key)
      .send(deleteBody('e-1'));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ outcome: 'handled', eventId: 'e-1', eventType: 'user.delete' });
    expect(seen).toEqual([`${userId}:true`]);
  });

  it('works with app.post() and leaves other routes alone', async () => {
    const { hook } = webhook();
    const app = express();
    app.post('/hook', hook);
    app.get('/health', (_req: express5.Request, res: express5.Response) => void res.send('ok'));
    const ok = await request(app)
      .post('/hook')
      .set('content-type', 'application/json')
      .set('authorization', key)
      .send(deleteBody());
    expect(ok.status).toBe(200);
    expect((await request(app).get('/health')).text).toBe('ok');
  });

  it('answers 405 with Allow for GET and 401 without credentials', async () => {
    const app = express().use('/hook', webhook().hook);
    const get = await request(app).get('/hook');
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    const anonymous = await request(app)
      .post('/hook')
      .set('content-type', 'application/json')
      .send(deleteBody());
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.outcome).toBe('unauthorized');
  });

  it('validates the parsed object when express.json() ran first and no signature is configured', async () => {
    const { hook, seen } = webhook();
    const app = express().use(express.json()).use('/hook', hook);
    const ok = await request(app)
      .post('/hook')
      .set('content-type', 'application/json')
      .set('authorization', key)
      .send(deleteBody());
    expect(ok.status).toBe(200);
    expect(seen).toHaveLength(1);
    const invalid = await request(app)
      .post('/hook')
      .set('content-type', 'application/json')
      .set('authorization', key)
      .send(eventBody('user.delete', { user: { id: 42 } }));
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toMatch(/user\.id/);
  });

  it('uses req.rawBody from rawBodySaver, so signatures still verify behind express.json()', async () => {
    const { hook, seen } = webhook({ signature: { hmacSecret: 'hmac-secret-1' } });
    const app = express()
      .use(express.json({ verify: rawBodySaver }))
      .use('/hook', hook);
    const body = deleteBody();
    const ok = await request(app)
      .post('/hook')
      .set('content-type', 'application/json')
      .set('x-fusionauth-signature-jwt', await hs256(body, 'hmac-secret-1'))
      .send(body);
    expect(ok.status).toBe(200);
    expect(seen).toHaveLength(1);
  });

  it('answers 500 at once, saying how to fix the mounting order, when a signature cannot be checked', async () => {
    const { hook, seen } = webhook({ signature: { hmacSecret: 'hmac-secret-1' } });
    const app = express().use(express.json()).use('/hook', hook);
    const body = deleteBody();
    const response = await request(app)
      .post('/hook')
      .timeout(2000)
      .set('content-type', 'application/json')
      .set('x-fusionauth-signature-jwt', await hs256(body, 'hmac-secret-1'))
      .send(body);
    expect(response.status).toBe(500);
    expect(response.body.outcome).toBe('misconfigured');
    expect(response.body.error).toMatch(/mount the webhook before any body parser.*rawBodySaver/);
    expect(seen).toHaveLength(0);
  });

  it('uses the Buffer left by express.raw()', async () => {
    const { hook, seen } = webhook({ signature: { hmacSecret: 'hmac-secret-1' } });
    const app = express()
      .use(express.raw({ type: 'application/json' }))
      .use('/hook', hook);
    const body = deleteBody();
    const response = await request(app)
      .post('/hook')
      .set('content-type', 'application/json')
      .set('x-fusionauth-signature-jwt', await hs256(body, 'hmac-secret-1'))
      .send(body);
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(1);
  });

  it('answers 413 from Content-Length alone, before reading', async () => {
    const app = express().use('/hook', webhook({ authorization: key, maxBodyBytes: 100 }).hook);
    const response = await request(app)
      .post('/hook')
      .set('content-type', 'application/json')
      .set('authorization', key)
      .send(deleteBody());
    expect(response.status).toBe(413);
    expect(response.body.outcome).toBe('payload_too_large');
  });
});

describe('logtoWebhook', () => {
  it('verifies logto-signature-sha-256 and runs the typed handler', async () => {
    const { signLogtoPayload } = await import('@authhooks/logto');
    const seen: string[] = [];
    const app = express5().use(
      '/logto-webhook',
      logtoWebhook({ signingKey: 'logto-key', logger: silentLogger }).on('User.Created', (event) => {
        seen.push(event.data?.id ?? 'none');
      }),
    );
    const body = JSON.stringify({
      event: 'User.Created',
      hookId: 'h',
      createdAt: '2026-01-01T00:00:00Z',
      data: { id: 'u-9' },
    });
    const ok = await request(app)
      .post('/logto-webhook')
      .set({
        'content-type': 'application/json',
        'logto-signature-sha-256': await signLogtoPayload(body, 'logto-key'),
      })
      .send(body);
    expect([ok.status, ok.body.outcome]).toEqual([200, 'handled']);
    expect(seen).toEqual(['u-9']);
    const forged = await request(app)
      .post('/logto-webhook')
      .set({
        'content-type': 'application/json',
        'logto-signature-sha-256': await signLogtoPayload(body, 'guess'),
      })
      .send(body);
    expect([forged.status, forged.body.outcome]).toEqual([401, 'unauthorized']);
  });
});
