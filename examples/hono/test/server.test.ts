import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start } from '../src/app.js';

const authorization = 'example-secret';
let running: Awaited<ReturnType<typeof start>>;

beforeAll(async () => {
  running = await start(0, { authorization });
});
afterAll(() => running.close());

function deliver(event: object, key: string | undefined = authorization) {
  return fetch(`${running.url}/fusionauth-webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key !== undefined && { authorization: key }) },
    body: JSON.stringify({ event }),
  });
}

const user = { id: '00000000-0000-0001-0000-000000000000', email: 'example@fusionauth.io' };

describe('the Hono example', () => {
  it('handles a user.delete event', async () => {
    const id = crypto.randomUUID();
    const res = await deliver({ type: 'user.delete', id, createInstant: Date.now(), user });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ outcome: 'handled', eventId: id, eventType: 'user.delete' });
    expect(running.deletedUsers).toEqual([user.id]);
  });

  it('vetoes a registration from a blocked domain', async () => {
    const res = await deliver({
      type: 'user.registration.create',
      id: crypto.randomUUID(),
      createInstant: Date.now(),
      user: { ...user, email: 'mallory@blocked.example' },
      applicationId: crypto.randomUUID(),
      registration: { id: crypto.randomUUID(), applicationId: crypto.randomUUID() },
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ outcome: 'rejected' });
  });

  it('refuses an unauthenticated delivery', async () => {
    const res = await deliver({ type: 'user.delete', id: crypto.randomUUID(), user }, 'guess');
    expect(res.status).toBe(401);
  });
});
