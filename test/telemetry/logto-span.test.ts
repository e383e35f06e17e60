// The same span for Logto, over HTTP through Express: named after Logto's event, its HMAC check as the
// verification, and Logto's deliveries counted under their provider.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { logtoWebhook } from '@authhooks/express';
import { signatureHeader, signLogtoPayload } from '@authhooks/logto';
import express from 'express';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { send } from '../helpers/requests.js';
import { captureLogger } from '../support/capture-logger.js';
import { type OtelSdk, startOtelSdk } from '../support/otel-sdk.js';

const signingKey = 'logto-telemetry-signing-key';
let sdk: OtelSdk;
beforeAll(() => {
  sdk = startOtelSdk();
});
afterAll(async () => {
  await sdk.stop();
});

it('traces a signed Logto delivery', async () => {
  const body = readFileSync(
    new URL('../../packages/logto/fixtures/events/User.Created.json', import.meta.url),
    'utf8',
  );
  const app = express();
  app.use(
    '/logto-webhook',
    logtoWebhook({ signingKey, logger: captureLogger() }).on('User.Created', () => {}),
  );
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/logto-webhook`;
  try {
    const headers = {
      'content-type': 'application/json',
      [signatureHeader]: await signLogtoPayload(body, signingKey),
    };
    expect((await send(url, { headers, body })).status).toBe(200);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  const span = sdk.spans().find((one) => one.instrumentationScope.name === 'authhooks');
  expect(span?.name).toBe('logto User.Created');
  expect(span?.attributes).toMatchObject({
    'authhooks.provider': 'logto',
    'authhooks.event.type': 'User.Created',
    'authhooks.outcome': 'handled',
  });
  expect(span?.attributes['authhooks.verification']).toMatch(/./);
  expect(await sdk.sum('authhooks.deliveries', { 'authhooks.provider': 'logto' })).toBe(1);
});
