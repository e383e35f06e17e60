import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const authorization = 'serve-test-key';
vi.stubEnv('FUSIONAUTH_WEBHOOK_AUTHORIZATION', authorization);
const { start } = await import('../src/node-server.js');
let running: Awaited<ReturnType<typeof start>>;

beforeAll(async () => {
  running = await start(0);
});
afterAll(() => {
  vi.unstubAllEnvs();
  return running.close();
});

describe('the route served with node:http', () => {
  it('answers a user.delete delivery', async () => {
    const id = crypto.randomUUID();
    const event = {
      type: 'user.delete',
      id,
      createInstant: Date.now(),
      user: { id: crypto.randomUUID(), email: 'someone@example.com' },
    };
    const res = await fetch(`${running.url}/fusionauth-webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ event }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ outcome: 'handled', eventId: id, eventType: 'user.delete' });
  });

  it('other methods: 405 with Allow: POST, as Next.js answers', async () => {
    const res = await fetch(`${running.url}/fusionauth-webhook`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });
});
