// JWKS downloads are counted by result (authhooks.jwks.fetches), with the real SDK, over HTTP.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { nodeHttpAdapter } from '../helpers/adapters.js';
import { send } from '../helpers/requests.js';
import { captureLogger } from '../support/capture-logger.js';
import { type JwksServer, jwksServer } from '../support/jwks-server.js';
import { fusionSignature, rsaKey } from '../support/jws.js';
import { type OtelSdk, startOtelSdk } from '../support/otel-sdk.js';

const key = rsaKey();
const kid = 'metrics-key';
let sdk: OtelSdk;
let jwks: JwksServer;
beforeAll(async () => {
  sdk = startOtelSdk();
  jwks = await jwksServer([key.publicJwk(kid)]);
});
afterAll(async () => {
  await jwks.close();
  await sdk.stop();
});

function signedDelete(): { headers: Record<string, string>; body: string } {
  const body = JSON.stringify({
    event: { type: 'user.delete', id: crypto.randomUUID(), user: { id: 'u-1' } },
  });
  const token = fusionSignature(body, { privateKey: key.privateKey }, { alg: 'RS256', header: { kid } });
  return { body, headers: { 'content-type': 'application/json', 'x-fusionauth-signature-jwt': token } };
}

it('counts a failed and a successful JWKS download', async () => {
  const server = await nodeHttpAdapter.start(
    {
      signature: { jwksUrl: jwks.url, jwksTimeoutMs: 200, jwksCacheMs: 60_000, jwksCooldownMs: 0 },
      logger: captureLogger(),
    },
    (routes) => routes.on('user.delete', () => {}),
  );
  try {
    const result = (value: string) => ({
      'authhooks.jwks.result': value,
      'authhooks.provider': 'fusionauth',
    });
    jwks.mode = 'http-500';
    expect((await send(server.url, signedDelete())).status).toBe(503);
    expect(await sdk.sum('authhooks.jwks.fetches', result('error'))).toBe(1);
    jwks.mode = 'up';
    // A cold failure backs off briefly before the next download.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await send(server.url, signedDelete())).status).toBe(200);
    expect((await send(server.url, signedDelete())).status).toBe(200);
    expect(await sdk.sum('authhooks.jwks.fetches', result('ok'))).toBe(1);
  } finally {
    await server.close();
  }
});
