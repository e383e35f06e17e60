import { once } from 'node:events';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { deliver, FusionAuthSimulator, fusionAuthSample, fusionAuthWebhookConfig } from '@authhooks/testing';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

process.env.FUSIONAUTH_WEBHOOK_AUTHORIZATION = 'test-key';
const { webhook, deletedUsers } = await import('./webhook.js');
const auth = { authorization: 'test-key' };

describe('FusionAuth webhook', () => {
  it('handles user.delete', async () => {
    const event = fusionAuthSample('user.delete');
    const { status, body } = await deliver(webhook, event, auth);
    expect(status).toBe(200);
    expect(body).toMatchObject({ outcome: 'handled', eventId: event.id });
    expect(deletedUsers).toContain(event.user.id);
  });

  it('vetoes registrations from a blocked domain', async () => {
    const event = fusionAuthSample('user.registration.create', { user: { email: 'eve@blocked.example' } });
    const { status, body } = await deliver(webhook, event, auth);
    expect(status).toBe(422);
    expect(body).toMatchObject({ outcome: 'rejected' });
  });

  it('refuses a request without the key', async () => {
    const { status } = await deliver(webhook, fusionAuthSample('user.delete'));
    expect(status).toBe(401);
  });

  describe('delivered over HTTP as FusionAuth does', () => {
    let server: http.Server;
    let url: string;
    beforeAll(async () => {
      server = express().use('/fusionauth-webhook', webhook).listen(0, '127.0.0.1');
      await once(server, 'listening');
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fusionauth-webhook`;
    });
    afterAll(() => {
      server.close();
    });

    it('a veto makes FusionAuth roll the registration back when a webhook must succeed', async () => {
      const config = fusionAuthWebhookConfig(webhook, {
        url,
        authorization: 'test-key',
        transactionType: 'Any',
      });
      const fusionauth = new FusionAuthSimulator({ webhooks: [config.webhook], tenant: config.tenant });

      const blocked = fusionAuthSample('user.registration.create', {
        user: { email: 'eve@blocked.example' },
      });
      expect(await fusionauth.send(blocked)).toMatchObject({ committed: false, apiStatus: 504 });

      const allowed = fusionAuthSample('user.registration.create', { user: { email: 'ada@example.com' } });
      expect(await fusionauth.send(allowed)).toMatchObject({ committed: true, apiStatus: 200 });
    });
  });
});
