// The JWKS fetch under attack or failure: redirects held to the https rule, bounded size and key count,
// a bounded number of keys tried for a token without kid, a quick retry while nothing is cached, and a
// key rotated in found by its first delivery while random kids stay a handful of fetches.
import { readHeaders, type VerificationResult } from '@authhooks/core';
import { afterEach, describe, expect, it } from 'vitest';
import { type SignatureOptions, signatureVerifier } from '../src/signature/index.js';
import { startJwksServer } from './helpers/jwks-server.js';
import { bodySha256, signFusionAuthBody, type TestKey, testKey } from './helpers/sign.js';

const body = new TextEncoder().encode('{"event":{"type":"user.delete","id":"e-1","user":{"id":"u-1"}}}');
const ok: VerificationResult = { ok: true };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function jwksWith(keys: TestKey[]) {
  const server = await startJwksServer(keys.map((key) => key.jwk));
  servers.push(server);
  return server;
}

/** Verifies a token `key` signs for `body`, as the pipeline does (the JWS, then the body digest). */
async function checkWith(
  options: SignatureOptions,
  key: TestKey,
  kid: string | null = key.kid,
): Promise<VerificationResult> {
  return checkToken(signatureVerifier(options), key, kid);
}

async function checkToken(
  verifier: ReturnType<typeof signatureVerifier>,
  key: TestKey,
  /** null: a token without kid. */
  kid: string | null = key.kid,
): Promise<VerificationResult> {
  const token = await signFusionAuthBody(body, key.privateKey, {
    alg: key.alg,
    ...(kid !== null && { kid }),
  });
  const result = await verifier.verify(readHeaders({ 'x-fusionauth-signature-jwt': token }));
  if (!result.ok || result.bodyDigest === undefined) return result;
  return result.bodyDigest.expected === bodySha256(body) ? ok : { ok: false, reason: 'digest' };
}

describe('JWKS redirects', () => {
  it('follows a redirect that stays on an allowed URL (https, or this machine in development)', async () => {
    const key = await testKey('RS256');
    const jwks = await jwksWith([key]);
    const target = await jwksWith([key]);
    jwks.answerWith((_req, res) => res.writeHead(302, { location: target.url }).end());
    expect(await checkWith({ jwksUrl: jwks.url }, key)).toEqual(ok);
    expect(target.hits).toBe(1);
  });

  it('refuses a redirect to plain http elsewhere, before connecting to it, and says why', async () => {
    const key = await testKey('RS256');
    const jwks = await jwksWith([key]);
    for (const location of ['http://127.0.0.2:9/evil.json', 'http://evil.example/jwks.json']) {
      jwks.answerWith((_req, res) => res.writeHead(302, { location }).end());
      const result = await checkWith({ jwksUrl: jwks.url, jwksCooldownMs: 0 }, key);
      expect(result).toMatchObject({ ok: false, unavailable: true });
      expect(result.ok === false && result.reason).toMatch(/redirected to http:\/\/.*not https; refused/);
    }
  });

  it('stops after three redirects', async () => {
    const key = await testKey('RS256');
    const jwks = await jwksWith([key]);
    jwks.answerWith((req, res) => res.writeHead(307, { location: `${req.url}x` }).end());
    const result = await checkWith({ jwksUrl: jwks.url }, key);
    expect(result.ok === false && result.reason).toMatch(/redirected more than 3 times/);
    expect(jwks.hits).toBe(4);
  });
});

describe('JWKS bounds', () => {
  it('refuses a key set larger than jwksMaxBytes, whether it says so up front or not', async () => {
    const key = await testKey('RS256');
    const jwks = await jwksWith([key]);
    const padded = JSON.stringify({ keys: [key.jwk], padding: 'x'.repeat(4_000) });
    for (const chunked of [false, true]) {
      jwks.answerWith((_req, res) => {
        res.writeHead(200, chunked ? {} : { 'content-length': String(Buffer.byteLength(padded)) });
        res.end(padded);
      });
      const result = await checkWith({ jwksUrl: jwks.url, jwksMaxBytes: 2_000 }, key);
      expect(result.ok === false && result.reason).toMatch(
        /larger than jwksMaxBytes \(2000 bytes\); refused/,
      );
    }
    jwks.answerWith(undefined);
    expect(await checkWith({ jwksUrl: jwks.url, jwksMaxBytes: 2_000 }, key)).toEqual(ok);
  });

  it('refuses a key set with more keys than jwksMaxKeys (default 100)', async () => {
    const key = await testKey('ES256');
    const jwks = await jwksWith(Array.from({ length: 101 }, () => key));
    const result = await checkWith({ jwksUrl: jwks.url }, key);
    expect(result.ok === false && result.reason).toMatch(/holds 101 keys, more than jwksMaxKeys \(100\)/);
    expect(await checkWith({ jwksUrl: jwks.url, jwksMaxKeys: 101 }, key)).toEqual(ok);
  });

  it('rejects bad limits at start-up', () => {
    expect(() => signatureVerifier({ jwksUrl: 'https://a.example/jwks.json', jwksMaxBytes: 0 })).toThrow(
      /jwksMaxBytes must be a whole number above 0/,
    );
    expect(() => signatureVerifier({ jwksUrl: 'https://a.example/jwks.json', jwksMaxKeys: 1.5 })).toThrow(
      /jwksMaxKeys/,
    );
  });

  it('a token without kid is tried against three keys of the set at most', async () => {
    const keys = await Promise.all(Array.from({ length: 6 }, (_, i) => testKey('ES256', `k${i}`)));
    const jwks = await jwksWith(keys);
    const verifier = signatureVerifier({ jwksUrl: jwks.url });
    expect(await checkToken(verifier, keys[0] as TestKey, null)).toEqual(ok);
    expect(await checkToken(verifier, keys[2] as TestKey, null)).toEqual(ok);
    expect(await checkToken(verifier, keys[5] as TestKey, null)).toEqual({
      ok: false,
      reason: 'signature does not verify',
    });
    expect(await checkToken(verifier, keys[5] as TestKey)).toEqual(ok); // with its kid, found at once
  });
});

describe('JWKS refetches', () => {
  it('nothing cached yet: a failed fetch is retried within moments, not a whole cooldown later', async () => {
    const key = await testKey('RS256');
    const jwks = await jwksWith([key]);
    jwks.setDown(true);
    const verifier = signatureVerifier({ jwksUrl: jwks.url, jwksCooldownMs: 60_000 });
    expect(await checkToken(verifier, key)).toMatchObject({ ok: false, unavailable: true });
    jwks.setDown(false);
    const started = performance.now();
    let result = await checkToken(verifier, key);
    while (!result.ok && performance.now() - started < 5_000) {
      await sleep(50);
      result = await checkToken(verifier, key);
    }
    expect(result).toEqual(ok);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('a key rotated in right after a fetch is found by its first delivery', async () => {
    const old = await testKey('RS256', 'old');
    const rotated = await testKey('RS256', 'rotated');
    const jwks = await jwksWith([old]);
    const verifier = signatureVerifier({ jwksUrl: jwks.url, jwksCooldownMs: 60_000 });
    expect(await checkToken(verifier, old)).toEqual(ok);
    jwks.setKeys([old.jwk, rotated.jwk]);
    expect(await checkToken(verifier, rotated)).toEqual(ok);
    expect(jwks.hits).toBe(2);
  });

  it('1 000 random kids, in waves, cause a handful of fetches', async () => {
    const key = await testKey('ES256');
    const jwks = await jwksWith([key]);
    const verifier = signatureVerifier({ jwksUrl: jwks.url, jwksCooldownMs: 60_000 });
    for (let wave = 0; wave < 10; wave++) {
      const results = await Promise.all(
        Array.from({ length: 100 }, () => checkToken(verifier, key, crypto.randomUUID())),
      );
      expect(results.every((result) => !result.ok && result.reason === 'unknown signing key id')).toBe(true);
    }
    expect(jwks.hits).toBeLessThanOrEqual(4); // the first fetch, then the burst of three
  });
});
