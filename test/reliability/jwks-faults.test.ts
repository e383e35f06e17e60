// A JWKS endpoint that is down, slow or answers garbage: a signed delivery gets 503 (the key could not
// be fetched, FusionAuth retries) or 401 (the set has no usable key), never 500, a hang or a crash; a key
// fetched before keeps verifying while the endpoint fails; and once the endpoint is back, deliveries pass.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { adapters, type Running } from '../helpers/adapters.js';
import { captureLogger } from '../support/capture-logger.js';
import { type Answer, exchange } from '../support/exchange.js';
import { deadUrl, type JwksMode, type JwksServer, jwksServer } from '../support/jwks-server.js';
import { fusionSignature, rsaKey } from '../support/jws.js';
import { leaksIn } from '../support/leaks.js';
import { inOutcomeTable } from '../support/outcome-table.js';
import { watchUnhandled } from '../support/unhandled.js';

const key = rsaKey();
const kid = 'jwks-key';
const jwksTimeoutMs = 200;
const jwksCacheMs = 1;

function signed(signer = key, signerKid = kid): { headers: [string, string][]; body: string } {
  const body = JSON.stringify({
    event: { type: 'user.delete', id: crypto.randomUUID(), user: { id: 'u-1' } },
  });
  const token = fusionSignature(
    body,
    { privateKey: signer.privateKey },
    { alg: 'RS256', header: { kid: signerKid } },
  );
  return {
    headers: [
      ['content-type', 'application/json'],
      ['x-fusionauth-signature-jwt', token],
    ],
    body,
  };
}

const outcomeOf = (answer: Answer) => [
  answer.status,
  (JSON.parse(answer.body) as { outcome: string }).outcome,
];

function expectClean(answer: Answer) {
  expect(answer.headers['content-type']).toMatch(/^application\/json/);
  const [status, outcome] = outcomeOf(answer);
  expect(inOutcomeTable(status as number, outcome)).toBe(true);
  expect(leaksIn(answer.raw, [])).toEqual([]);
}

const cold: [JwksMode, number, string][] = [
  ['reset', 503, 'unavailable'],
  ['http-500', 503, 'unavailable'],
  ['slow', 503, 'unavailable'],
  ['not-json', 503, 'unavailable'],
  ['keys-not-an-array', 503, 'unavailable'],
  // The set loaded, and holds no key we may use: nothing can verify the token.
  ['unknown-key-types', 401, 'unauthorized'],
  // Refused: a redirect off https, a set past jwksMaxBytes.
  ['redirect-to-http', 503, 'unavailable'],
  ['too-large', 503, 'unavailable'],
];

/** A failed refresh keeps the last good set; a successful one replaces it, even when it holds no usable key. */
const warm: [JwksMode, number, string][] = [
  ['reset', 200, 'handled'],
  ['http-500', 200, 'handled'],
  ['slow', 200, 'handled'],
  ['not-json', 200, 'handled'],
  ['keys-not-an-array', 200, 'handled'],
  ['unknown-key-types', 401, 'unauthorized'],
  ['redirect-to-http', 200, 'handled'],
  ['too-large', 200, 'handled'],
];

describe.each(adapters)('JWKS faults: $name', (adapter) => {
  const unhandled = watchUnhandled();
  let jwks: JwksServer;
  let server: Running | undefined;

  beforeAll(async () => {
    jwks = await jwksServer([key.publicJwk(kid)]);
  });
  afterAll(() => jwks.close());
  afterEach(async () => {
    await server?.close();
    server = undefined;
    jwks.mode = 'up';
    jwks.setKeys([key.publicJwk(kid)]);
  });

  /** A fresh receiver (cold cache) that refetches on every lookup once its set is stale (1 ms). */
  async function start(
    jwksUrl = jwks.url,
    logger = captureLogger(),
    timing: { jwksCacheMs?: number; jwksCooldownMs?: number } = {},
  ) {
    server = await adapter.start(
      {
        signature: { jwksUrl, jwksTimeoutMs, jwksCacheMs, jwksCooldownMs: 0, ...timing },
        logger,
      },
      (routes) => routes.on('user.delete', () => {}),
    );
    return server.url;
  }

  it('cold, nothing listening at the JWKS URL: 503, then serves once the endpoint is up', async () => {
    const url = await start(await deadUrl());
    const answer = await exchange(url, signed());
    expectClean(answer);
    expect(outcomeOf(answer)).toEqual([503, 'unavailable']);
    expect(unhandled).toEqual([]);
  });

  it.each(
    cold,
  )('cold, the endpoint answers %s: %i %s, never 500; then it recovers', async (mode, status, outcome) => {
    const logger = captureLogger();
    const url = await start(jwks.url, logger);
    jwks.mode = mode;
    const started = performance.now();
    const answer = await exchange(url, signed());
    expectClean(answer);
    expect(outcomeOf(answer)).toEqual([status, outcome]);
    expect(performance.now() - started).toBeLessThan(jwksTimeoutMs + 1_500);
    expect(leaksIn(logger.text(), [])).toEqual([]);

    jwks.mode = 'up';
    expect(outcomeOf(await exchange(url, signed()))).toEqual([200, 'handled']);
    expect(unhandled).toEqual([]);
  });

  it.each(warm)('warm, then the endpoint answers %s: %i %s', async (mode, status, outcome) => {
    const url = await start();
    expect(outcomeOf(await exchange(url, signed()))).toEqual([200, 'handled']);
    // The set goes stale 1 ms after the fetch (jwksCacheMs); a fast second request could still find it fresh.
    await sleep(jwksCacheMs + 5);
    jwks.mode = mode;
    const hitsBefore = jwks.hits;
    const answer = await exchange(url, signed());
    expectClean(answer);
    expect(outcomeOf(answer)).toEqual([status, outcome]);
    expect(jwks.hits).toBeGreaterThan(hitsBefore); // it did try to refresh the stale set
    expect(unhandled).toEqual([]);
  });

  it('a JWKS that redirects to plain http elsewhere is refused before any connection, and the log says why', async () => {
    const logger = captureLogger();
    const url = await start(jwks.url, logger);
    jwks.mode = 'redirect-to-http';
    expect(outcomeOf(await exchange(url, signed(rsaKey(), kid)))).toEqual([503, 'unavailable']);
    expect(logger.text()).toMatch(/redirected to http:\/\/127\.0\.0\.2:9, which is not https; refused/);
  });

  it('a JWKS past jwksMaxBytes is refused, and the log names the option', async () => {
    const logger = captureLogger();
    const url = await start(jwks.url, logger);
    jwks.mode = 'too-large';
    expect(outcomeOf(await exchange(url, signed()))).toEqual([503, 'unavailable']);
    expect(logger.text()).toMatch(/larger than jwksMaxBytes \(524288 bytes\); refused/);
  });

  it('cold and failing, then back: served within moments, not after the 60 s cooldown', async () => {
    const url = await start(jwks.url, captureLogger(), { jwksCooldownMs: 60_000 });
    jwks.mode = 'http-500';
    expect(outcomeOf(await exchange(url, signed()))).toEqual([503, 'unavailable']);
    jwks.mode = 'up';
    const started = performance.now();
    let outcome = outcomeOf(await exchange(url, signed()));
    while (outcome[0] !== 200 && performance.now() - started < 5_000) {
      await sleep(50);
      outcome = outcomeOf(await exchange(url, signed()));
    }
    expect(outcome).toEqual([200, 'handled']);
    expect(performance.now() - started).toBeLessThan(2_500);
  });

  it('a key rotated in right after a fetch verifies its first delivery, with the 60 s cooldown', async () => {
    const url = await start(jwks.url, captureLogger(), { jwksCacheMs: 600_000, jwksCooldownMs: 60_000 });
    expect(outcomeOf(await exchange(url, signed()))).toEqual([200, 'handled']);
    const rotated = rsaKey();
    jwks.setKeys([key.publicJwk(kid), rotated.publicJwk('rotated')]);
    expect(outcomeOf(await exchange(url, signed(rotated, 'rotated')))).toEqual([200, 'handled']);
    expect(unhandled).toEqual([]);
  });
});
