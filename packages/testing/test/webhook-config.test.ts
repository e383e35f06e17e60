import http from 'node:http';
import { silentLogger } from '@authhooks/core';
import { nodeHandler } from '@authhooks/core/node';
import * as express from '@authhooks/express';
import { fusionReceiver, isTransactional } from '@authhooks/fusionauth';
import { logtoReceiver } from '@authhooks/logto';
import { describe, expect, it } from 'vitest';
import { FusionAuthSimulator, fusionAuthSample, fusionAuthWebhookConfig } from '../src/index.js';

const key = 'webhook-key';
const makeReceiver = () =>
  fusionReceiver({ authorization: key, logger: silentLogger })
    .on('user.create', () => {})
    .on('user.email.update', () => {})
    .on('user.registration.*', () => {});

describe('fusionAuthWebhookConfig', () => {
  it('enables exactly the handled types, on the webhook and the tenant, None for non-transactional ones', () => {
    const config = fusionAuthWebhookConfig(makeReceiver(), {
      url: 'https://app.example.com/fusionauth-webhook',
      transactionType: 'SimpleMajority',
      authorization: key,
    });
    const types = [
      'user.create',
      'user.email.update',
      'user.registration.create',
      'user.registration.create.complete',
      'user.registration.delete',
      'user.registration.delete.complete',
      'user.registration.update',
      'user.registration.update.complete',
      'user.registration.verified',
    ];
    expect(config.webhook).toEqual({
      url: 'https://app.example.com/fusionauth-webhook',
      connectTimeout: 1000,
      readTimeout: 2000,
      eventsEnabled: Object.fromEntries(types.map((type) => [type, true])),
      headers: { Authorization: key },
      global: true,
    });
    expect(config.tenant.eventConfiguration.events).toEqual(
      Object.fromEntries(
        types.map((type) => [
          type,
          { enabled: true, transactionType: isTransactional(type) ? 'SimpleMajority' : 'None' },
        ]),
      ),
    );
    expect(config.tenant.eventConfiguration.events['user.email.update']?.transactionType).toBe('None');
    expect(
      config.tenant.eventConfiguration.events['user.registration.create.complete']?.transactionType,
    ).toBe('None');
  });

  it('defaults to None (FusionAuth’s default) and takes a level per event with a default', () => {
    expect(
      fusionAuthWebhookConfig(makeReceiver(), { url: 'https://x/' }).tenant.eventConfiguration.events[
        'user.create'
      ],
    ).toEqual({
      enabled: true,
      transactionType: 'None',
    });
    const { events } = fusionAuthWebhookConfig(makeReceiver(), {
      url: 'https://x/',
      transactionType: { default: 'Any', 'user.registration.create': 'AbsoluteMajority' },
    }).tenant.eventConfiguration;
    expect(events['user.create']?.transactionType).toBe('Any');
    expect(events['user.registration.create']?.transactionType).toBe('AbsoluteMajority');
    expect(events['user.registration.create.complete']?.transactionType).toBe('None');
  });

  it('reads an adapter webhook through .receiver, and takes Basic, signing key, tenants and timeouts', () => {
    const webhook = express
      .fusionWebhook({ basicAuth: { username: 'u', password: 'p' }, logger: silentLogger })
      .on('user.delete', () => {});
    const config = fusionAuthWebhookConfig(webhook, {
      url: 'https://app.example.com/hook',
      basicAuth: { username: 'u', password: 'p' },
      signingKeyId: 'key-id',
      tenantIds: ['t1'],
      connectTimeout: 500,
      readTimeout: 5000,
      description: 'todos',
    });
    expect(config.webhook).toEqual({
      url: 'https://app.example.com/hook',
      connectTimeout: 500,
      readTimeout: 5000,
      description: 'todos',
      eventsEnabled: { 'user.delete': true },
      httpAuthenticationUsername: 'u',
      httpAuthenticationPassword: 'p',
      signatureConfiguration: { enabled: true, signingKeyId: 'key-id' },
      global: false,
      tenantIds: ['t1'],
    });
  });

  it('takes a list of types too, and leaves out the Kafka-only test type', () => {
    const all = fusionReceiver({ authorization: key, logger: silentLogger }).onAny(() => {});
    const config = fusionAuthWebhookConfig(all, { url: 'https://x/' });
    expect(Object.keys(config.webhook.eventsEnabled)).toHaveLength(63);
    expect(config.webhook.eventsEnabled).not.toHaveProperty('test');
    expect(
      Object.keys(
        fusionAuthWebhookConfig(['user.two-factor.failed.attempt'], { url: 'https://x/' }).webhook
          .eventsEnabled,
      ),
    ).toEqual(['user.two-factor.failed-attempt']);
  });

  it('explains what it cannot do', () => {
    const empty = fusionReceiver({ authorization: key, logger: silentLogger });
    expect(() => fusionAuthWebhookConfig(empty, { url: 'https://x/' })).toThrow(
      /handles no FusionAuth event yet/,
    );
    const logto = logtoReceiver({ signingKey: 'k', logger: silentLogger }).on('User.Created', () => {});
    expect(() => fusionAuthWebhookConfig(logto, { url: 'https://x/' })).toThrow(
      /User.Created is not a FusionAuth event type/,
    );
    expect(() => fusionAuthWebhookConfig(makeReceiver(), { url: 'nope' })).toThrow(/not a URL/);
    expect(() =>
      fusionAuthWebhookConfig(makeReceiver(), {
        url: 'https://x/',
        transactionType: { 'user.email.update': 'Any' },
      }),
    ).toThrow(/not transactional/);
    expect(() =>
      fusionAuthWebhookConfig(makeReceiver(), {
        url: 'https://x/',
        authorization: 'a',
        basicAuth: { username: 'u', password: 'p' },
      }),
    ).toThrow(/pick one/);
    expect(() => fusionAuthWebhookConfig({} as never, { url: 'https://x/' })).toThrow(
      /needs a FusionAuth receiver/,
    );
  });

  it('is the fix for "the test works, live events do not": with both halves, live events arrive', async () => {
    const seen: string[] = [];
    const receiver = fusionReceiver({ authorization: key, logger: silentLogger }).on(
      'user.create',
      (event) => {
        seen.push(event.type);
      },
    );
    const server = http.createServer(nodeHandler(receiver));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const config = fusionAuthWebhookConfig(receiver, {
        url: `http://127.0.0.1:${port}/fusionauth-webhook`,
        authorization: key,
        transactionType: 'Any',
      });
      // Only the webhook half configured: the tenant has the event switched off, nothing is sent.
      const webhookOnly = new FusionAuthSimulator({
        webhooks: [config.webhook],
        tenant: { eventConfiguration: { events: {} } },
      });
      expect((await webhookOnly.send(fusionAuthSample('user.create'))).attempts).toEqual([]);
      // Both halves: delivered, and transactional as configured.
      const simulator = new FusionAuthSimulator({ webhooks: [config.webhook], tenant: config.tenant });
      expect(await simulator.send(fusionAuthSample('user.create'))).toMatchObject({
        committed: true,
        transactionType: 'Any',
        attempts: [{ status: 200 }],
      });
      // A type the receiver does not handle is not enabled, so it is never sent.
      expect((await simulator.send(fusionAuthSample('user.delete'))).attempts).toEqual([]);
      expect(seen).toEqual(['user.create']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
