import { environmentVariables } from '@authhooks/fusionauth';
import { afterAll, describe, expect, it, vi } from 'vitest';

// The route configures itself from the environment when it is loaded, as it would in Next.js.
const authorization = 'route-test-key';
vi.stubEnv('FUSIONAUTH_WEBHOOK_AUTHORIZATION', authorization);
const { deletedUsers, POST } = await import('../src/app/fusionauth-webhook/route.js');
afterAll(() => vi.unstubAllEnvs());
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

describe('configuration', () => {
  it('refuses to load without a verifier, naming the variables', async () => {
    vi.resetModules();
    for (const name of environmentVariables) vi.stubEnv(name, '');
    await expect(import('../src/app/fusionauth-webhook/route.js')).rejects.toThrow(
      /FUSIONAUTH_WEBHOOK_AUTHORIZATION/,
    );
    vi.stubEnv('FUSIONAUTH_WEBHOOK_AUTHORIZATION', authorization);
  });
});
