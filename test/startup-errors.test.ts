import { fusionWebhook as expressWebhook } from '@authhooks/express';
import { fusionWebhook as fastifyWebhook } from '@authhooks/fastify';
import { fusionauth, fusionReceiver } from '@authhooks/fusionauth';
import { fusionWebhook as honoWebhook } from '@authhooks/hono';
import { describe, expect, it } from 'vitest';

// Zero-config with nothing set: the error names the function the user called, and the variables.
const nothingSet = { env: {} };

describe('the no-verifier start-up error', () => {
  it.each([
    ['@authhooks/express fusionWebhook()', () => expressWebhook(nothingSet), 'fusionWebhook()'],
    ['@authhooks/hono fusionWebhook()', () => honoWebhook(nothingSet), 'fusionWebhook()'],
    [
      '@authhooks/fastify fusionWebhook()',
      () => fastifyWebhook({ ...nothingSet, path: '/' }),
      'fusionWebhook()',
    ],
    ['fusionReceiver()', () => fusionReceiver(nothingSet), 'fusionReceiver()'],
    ['fusionauth()', () => fusionauth(nothingSet), 'fusionauth()'],
  ])('%s names itself and FUSIONAUTH_WEBHOOK_AUTHORIZATION', (_name, create, called) => {
    expect(create).toThrow(`authhooks: ${called} has no way to check that requests come from FusionAuth`);
    expect(create).toThrow(/FUSIONAUTH_WEBHOOK_AUTHORIZATION/);
  });
});
