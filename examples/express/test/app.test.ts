import { silentLogger } from '@authhooks/express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { fusionAuthFixture } from '../src/fixtures.js';

describe('the Express example', () => {
  it('deletes a deleted user’s todos and vetoes a blocked registration', async () => {
    const { app, todos } = createApp({ authorization: 'example-key', logger: silentLogger });
    const deleted = fusionAuthFixture('user.delete');
    const userId = (deleted.event.user as { id: string }).id;
    todos.add(userId, 'one');

    const answer = await request(app)
      .post('/fusionauth-webhook')
      .set({ 'content-type': 'application/json', authorization: 'example-key' })
      .send(JSON.stringify(deleted));
    expect([answer.status, answer.body.outcome]).toEqual([200, 'handled']);
    expect(todos.count(userId)).toBe(0);

    const registration = fusionAuthFixture('user.registration.create');
    registration.event.id = 'another-delivery';
    registration.event.user = { ...(registration.event.user as object), email: 'x@blocked.example' };
    const veto = await request(app)
      .post('/fusionauth-webhook')
      .set({ 'content-type': 'application/json', authorization: 'example-key' })
      .send(JSON.stringify(registration));
    expect([veto.status, veto.body.outcome]).toEqual([422, 'rejected']);
  });
});
