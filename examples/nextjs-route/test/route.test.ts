import { describe, expect, it } from 'vitest';
import { deletedUsers, POST } from '../src/app/fusionauth-webhook/route.js';

const authorization = process.env.FUSIONAUTH_WEBHOOK_AUTHORIZATION ?? 'dev-secret';
const user = { id: '00000000-0000-0001-0000-000000000000', email: 'example@fusionauth.io' };

function request(event: object, headers: Record<string, string>) {
  return new Request('http://localhost/fusionauth-webhook', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ event }),
  });
}

describe('the route handler (export const POST = receiver.fetch)', () => {
  it('authenticated user.delete → 200 handled', async () => {
    const id = crypto.randomUUID();
    const res = await POST(
      request({ type: 'user.delete', id, createInstant: Date.now(), user }, { authorization }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ outcome: 'handled', eventId: id, eventType: 'user.delete' });
    expect(deletedUsers).toContain(user.id);
  });

  it('unauthenticated → 401', async () => {
    const res = await POST(request({ type: 'user.delete', id: crypto.randomUUID(), user }, {}));
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ outcome: 'unauthorized' });
  });
});
