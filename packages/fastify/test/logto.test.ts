import { silentLogger } from '@authhooks/core';
import { signLogtoPayload } from '@authhooks/logto';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { logtoWebhook } from '../src/index.js';

const signingKey = 'logto-test-signing-key';
const body = JSON.stringify({
  event: 'User.Created',
  hookId: 'hook-1',
  createdAt: '2025-01-01T00:00:00.000Z',
  data: { id: 'user-1', primaryEmail: 'a@example.com' },
});

describe('logtoWebhook (Fastify)', () => {
  it('verifies logto-signature-sha-256 over the raw body and routes by event', async () => {
    const seen: string[] = [];
    const app = Fastify();
    await app.register(
      logtoWebhook({ signingKey, logger: silentLogger, path: '/logto-webhook' }).on(
        'User.Created',
        (event, ctx) => {
          seen.push(`${event.data?.id}@${ctx.hookId}`);
        },
      ),
    );
    const send = async (key: string) =>
      app.inject({
        method: 'POST',
        url: '/logto-webhook',
        headers: {
          'content-type': 'application/json',
          'logto-signature-sha-256': await signLogtoPayload(body, key),
        },
        payload: body,
      });
    const res = await send(signingKey);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ outcome: 'handled', eventType: 'User.Created' });
    expect(seen).toEqual(['user-1@hook-1']);
    expect((await send('another-key')).statusCode).toBe(401);
    expect(seen).toHaveLength(1);
    await app.close();
  });
});
