import { silentLogger } from '@authhooks/core';
import { signLogtoPayload } from '@authhooks/logto';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { logtoWebhook } from '../src/index.js';

const signingKey = 'logto-test-signing-key';
const body = JSON.stringify({
  event: 'User.Created',
  hookId: 'hook-1',
  createdAt: '2025-01-01T00:00:00.000Z',
  data: { id: 'user-1', primaryEmail: 'a@example.com' },
});

describe('logtoWebhook (Hono)', () => {
  it('verifies logto-signature-sha-256 over the raw body and routes by event', async () => {
    const seen: string[] = [];
    const app = new Hono().use(
      '/logto-webhook',
      logtoWebhook({ signingKey, logger: silentLogger }).on('User.Created', (event, ctx) => {
        seen.push(`${event.data?.id}@${ctx.hookId}`);
      }),
    );
    const send = (signature: string) =>
      app.request('/logto-webhook', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'logto-signature-sha-256': signature },
        body,
      });
    const res = await send(await signLogtoPayload(body, signingKey));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ outcome: 'handled', eventType: 'User.Created' });
    expect(seen).toEqual(['user-1@hook-1']);
    expect((await send(await signLogtoPayload(body, 'another-key'))).status).toBe(401);
    expect(seen).toHaveLength(1);
  });
});
