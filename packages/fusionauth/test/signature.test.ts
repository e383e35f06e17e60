import {
  type HeaderReader,
  type HeaderVerifier,
  readHeaders,
  type VerificationResult,
} from '@authhooks/core';
import { exportSPKI } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { type SignatureOptions, signatureVerifier } from '../src/signature/index.js';
import { startJwksServer } from './helpers/jwks-server.js';
import { bodySha256, signFusionAuthBody, testKey } from './helpers/sign.js';

const encoder = new TextEncoder();
const body = encoder.encode('{"event":{"type":"user.delete","id":"e-1","user":{"id":"u-1"}}}\n');
/** What the pipeline does: the JWS from the header first, then the claimed digest against the bytes. */
async function check(
  verifier: HeaderVerifier,
  headers: HeaderReader,
  raw: Uint8Array,
): Promise<VerificationResult> {
  const result = await verifier.verify(headers);
  if (!result.ok || result.bodyDigest === undefined) return result;
  const digest = result.bodyDigest;
  expect([digest.algorithm, digest.encoding]).toEqual(['SHA-256', 'base64']);
  return digest.expected === bodySha256(raw) ? { ok: true } : { ok: false, reason: digest.mismatch };
}
const verify = (options: SignatureOptions, token: string | null, raw: Uint8Array = body) =>
  check(
    signatureVerifier(options),
    readHeaders(token === null ? {} : { 'x-fusionauth-signature-jwt': token }),
    raw,
  );
const ok = { ok: true };
const reason = (text: string) => ({ ok: false, reason: text });

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe('HMAC secrets', () => {
  it.each(['HS256', 'HS384', 'HS512'])('%s verifies, and a changed byte does not', async (alg) => {
    const secret = 'a-long-shared-hmac-secret-from-key-master';
    const token = await signFusionAuthBody(body, encoder.encode(secret), { alg, kid: 'hmac-key' });
    expect(await verify({ hmacSecret: secret }, token)).toEqual(ok);
    const tampered = body.slice();
    tampered[10] = (tampered[10] as number) ^ 1;
    expect(await verify({ hmacSecret: secret }, token, tampered)).toEqual(
      reason('request_body_sha256 does not match the body'),
    );
  });

  it('accepts the old and the new secret during a rotation, and not a third', async () => {
    const options = { hmacSecret: ['old-secret-value', 'new-secret-value'] };
    for (const secret of ['old-secret-value', 'new-secret-value']) {
      const token = await signFusionAuthBody(body, encoder.encode(secret), { alg: 'HS256' });
      expect(await verify(options, token)).toEqual(ok);
    }
    const other = await signFusionAuthBody(body, encoder.encode('third-secret'), { alg: 'HS256' });
    expect(await verify(options, other)).toEqual(reason('signature does not verify'));
  });

  it('refuses a PEM given as an HMAC secret at construction', () => {
    expect(() => signatureVerifier({ hmacSecret: '-----BEGIN PUBLIC KEY-----\nabc' })).toThrow(/publicKeys/);
  });
});

describe('public keys in every form', () => {
  const algs = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

  it.each(algs)('%s as JWK, PEM and CryptoKey', async (alg) => {
    const key = await testKey(alg);
    const token = await signFusionAuthBody(body, key.privateKey, { alg, kid: key.kid });
    expect(await verify({ publicKeys: [key.jwk] }, token)).toEqual(ok);
    expect(await verify({ publicKeys: [await exportSPKI(key.publicKey)] }, token)).toEqual(ok);
    expect(await verify({ publicKeys: [key.publicKey] }, token)).toEqual(ok);
    const other = await testKey(alg);
    expect(await verify({ publicKeys: [other.jwk] }, token)).toEqual(reason('unknown signing key id'));
    expect(await verify({ publicKeys: [await exportSPKI(other.publicKey)] }, token)).toEqual(
      reason('signature does not verify'),
    );
  });

  it('pins the family to the key: an ES256 key never verifies an ES384 token', async () => {
    const es384 = await testKey('ES384', 'shared-kid');
    const es256 = await testKey('ES256', 'shared-kid');
    const token = await signFusionAuthBody(body, es384.privateKey, { alg: 'ES384', kid: 'shared-kid' });
    expect(await verify({ publicKeys: [es256.jwk] }, token)).toEqual(
      reason('no configured key accepts algorithm ES384'),
    );
  });

  it('refuses private JWKs and unreadable PEMs', async () => {
    const key = await testKey('ES256');
    expect(() => signatureVerifier({ publicKeys: [{ ...key.jwk, d: 'secret' }] })).toThrow(/public part/);
    expect(() => signatureVerifier({ publicKeys: ['not a pem'] })).toThrow(/BEGIN PUBLIC KEY/);
  });
});

describe('attacks', () => {
  it('alg none is refused', async () => {
    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ request_body_sha256: bodySha256(body) })}.`;
    expect(await verify({ hmacSecret: 'x-secret' }, token)).toEqual(
      reason('signature algorithm is not allowed'),
    );
  });

  it('an HS256 token made with the RSA public key as the secret fails', async () => {
    const rsa = await testKey('RS256');
    const pem = await exportSPKI(rsa.publicKey);
    const forged = await signFusionAuthBody(body, encoder.encode(pem), { alg: 'HS256' });
    expect(await verify({ publicKeys: [pem] }, forged)).toEqual(
      reason('no configured key accepts algorithm HS256'),
    );
    expect(await verify({ publicKeys: [rsa.jwk] }, forged)).toEqual(
      reason('no configured key accepts algorithm HS256'),
    );
  });

  it.each(['hex', 'base64url'] as const)('a %s digest of the right body fails', async (encoding) => {
    const secret = encoder.encode('digest-secret');
    const token = await signFusionAuthBody(body, secret, {
      alg: 'HS256',
      claims: { request_body_sha256: bodySha256(body, encoding) },
    });
    expect(await verify({ hmacSecret: 'digest-secret' }, token)).toEqual(
      reason('request_body_sha256 does not match the body'),
    );
  });

  it('a missing claim, a malformed header and a missing header fail', async () => {
    const secret = encoder.encode('claim-secret');
    const noClaim = await signFusionAuthBody(body, secret, { alg: 'HS256', claims: { sub: 'x' } });
    expect(await verify({ hmacSecret: 'claim-secret' }, noClaim)).toEqual(
      reason('request_body_sha256 claim is missing'),
    );
    expect(await verify({ hmacSecret: 'claim-secret' }, 'not-a-jwt')).toEqual(reason('not a compact JWS'));
    expect(await verify({ hmacSecret: 'claim-secret' }, null)).toEqual(
      reason('missing x-fusionauth-signature-jwt header'),
    );
  });
});

describe('JWKS', () => {
  it('verifies every family by kid from a served key set', async () => {
    const keys = await Promise.all(
      ['RS256', 'PS256', 'ES256', 'ES384', 'ES512', 'EdDSA'].map((alg) => testKey(alg)),
    );
    const jwks = await startJwksServer(keys.map((key) => key.jwk));
    servers.push(jwks);
    const verifier = signatureVerifier({ jwksUrl: jwks.url });
    for (const key of keys) {
      const token = await signFusionAuthBody(body, key.privateKey, { alg: key.alg, kid: key.kid });
      expect(await check(verifier, readHeaders({ 'x-fusionauth-signature-jwt': token }), body)).toEqual(ok);
    }
    expect(jwks.hits).toBe(1);
  });

  it('rotation: two keys live, then the old one removed', async () => {
    const oldKey = await testKey('RS256', 'old');
    const newKey = await testKey('RS256', 'new');
    const jwks = await startJwksServer([oldKey.jwk, newKey.jwk]);
    servers.push(jwks);
    const verifier = signatureVerifier({ jwksUrl: jwks.url, jwksCacheMs: 1000, jwksCooldownMs: 100 });
    const checkWith = async (key: typeof oldKey) =>
      check(
        verifier,
        readHeaders({
          'x-fusionauth-signature-jwt': await signFusionAuthBody(body, key.privateKey, {
            alg: 'RS256',
            kid: key.kid,
          }),
        }),
        body,
      );
    expect(await checkWith(oldKey)).toEqual(ok);
    expect(await checkWith(newKey)).toEqual(ok);
    jwks.setKeys([newKey.jwk]);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // past jwksCacheMs: the next request refetches
    expect(await checkWith(oldKey)).toEqual(reason('unknown signing key id'));
    expect(await checkWith(newKey)).toEqual(ok);
  });

  it('random kids refetch at most once per cooldown, sharing one fetch', async () => {
    const key = await testKey('ES256');
    const jwks = await startJwksServer([key.jwk]);
    servers.push(jwks);
    const verifier = signatureVerifier({ jwksUrl: jwks.url, jwksCooldownMs: 60_000 });
    const attempts = Array.from({ length: 50 }, async () =>
      check(
        verifier,
        readHeaders({
          'x-fusionauth-signature-jwt': await signFusionAuthBody(body, key.privateKey, {
            alg: 'ES256',
            kid: crypto.randomUUID(),
          }),
        }),
        body,
      ),
    );
    const results = await Promise.all(attempts);
    expect(results.every((result) => !result.ok && result.reason === 'unknown signing key id')).toBe(true);
    expect(jwks.hits).toBe(1);
  });

  it('JWKS down at cold start → unavailable (503); down after a fetch → the cached key still verifies', async () => {
    const key = await testKey('RS256');
    const jwks = await startJwksServer([key.jwk]);
    servers.push(jwks);
    const token = await signFusionAuthBody(body, key.privateKey, { alg: 'RS256', kid: key.kid });
    const headers = readHeaders({ 'x-fusionauth-signature-jwt': token });

    jwks.setDown(true);
    const cold = signatureVerifier({ jwksUrl: jwks.url, jwksCooldownMs: 0 });
    expect(await check(cold, headers, body)).toEqual({
      ok: false,
      reason: 'no JWKS key yet: the JWKS answered 503',
      unavailable: true,
    });

    jwks.setDown(false);
    const warm = signatureVerifier({ jwksUrl: jwks.url, jwksCacheMs: 1, jwksCooldownMs: 0 });
    expect(await check(warm, headers, body)).toEqual(ok);
    jwks.setDown(true);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await check(warm, headers, body)).toEqual(ok);
    expect(jwks.hits).toBeGreaterThanOrEqual(3);
  });

  it('refuses a non-https JWKS URL except on localhost, and a config with no key at all', () => {
    expect(() => signatureVerifier({ jwksUrl: 'http://auth.example.com/.well-known/jwks.json' })).toThrow(
      /https/,
    );
    expect(() => signatureVerifier({ jwksUrl: 'not a url' })).toThrow(/jwks\.json/);
    expect(() => signatureVerifier({})).toThrow(/hmacSecret/);
  });
});
