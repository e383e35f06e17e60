import { silentLogger } from '@authhooks/core';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { eventBody } from '../../../test/conformance/event-body.js';
import { fusionWebhook } from '../src/index.js';

const authorization = 'fusionauth-test-key';
const user = { id: '00000000-0000-0001-0000-000000000000', email: 'example@fusionauth.io' };

describe('fusionWebhook (Fastify)', () => {
  it('verifies, unwraps and routes; the path option is the route, not a provider option', async () => {
    const deleted: string[] = [];
    const plugin = fusionWebhook({ authorization, logger: silentLogger, path: '/fusionauth' }).on(
      'user.delete',
      (event, ctx) => {
        if (ctx.transactional) deleted.push(event.user.id);
      },
    );
    const app = Fastify();
    await app.register(plugin, { prefix: '/hooks' });
    const id = crypto.randomUUID();
    const send = (headers: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: '/hooks/fusionauth',
        headers: { 'content-type': 'application/json', ...headers },
        payload: eventBody('user.delete', { id, createInstant: 1, user }),
      });
    const res = await send({ authorization });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ outcome: 'handled', eventId: id, eventType: 'user.delete' });
    expect(deleted).toEqual([user.id]);
    expect((await send({})).statusCode).toBe(401);
    await app.close();
  });

  it('without a verifier option or environment variable, refuses to start and names the variables', () => {
    expect(() => fusionWebhook({ env: {}, path: '/hook' })).toThrow(/FUSIONAUTH_WEBHOOK_AUTHORIZATION/);
  });
});
