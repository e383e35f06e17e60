// Node verifies FusionAuth signatures with node:crypto; Workers and other runtimes without it take the
// Web Crypto path (crypto.subtle). Node never takes that path by default, so these tests make it.
import { generateKeyPairSync } from 'node:crypto';
import { exportSPKI } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseJws } from '../src/signature/jws.js';
import { type CandidateKey, cryptoKey, hmacKey, jwkKey, pemKey } from '../src/signature/keys.js';
import { verifyJws } from '../src/signature/verify-jws.js';
import { signFusionAuthBody, type TestKey, testKey } from './helpers/sign.js';

const body = '{"event":{"type":"user.delete","id":"e-1","user":{"id":"u-1"}}}';
const hmacSecret = 'web-crypto-hmac-secret';
const asymmetric = ['RS256', 'PS256', 'ES256', 'ES384', 'ES512', 'EdDSA'] as const;
const everyAsymmetric = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
] as const;

/** The same key without its node:crypto form: `verifyJws` must use Web Crypto. */
const webOnly = (key: CandidateKey | undefined): CandidateKey => {
  if (key === undefined) throw new Error('the test key was refused');
  return { ...key, node: undefined };
};

const toBase64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const fromBase64url = (text: string) => new Uint8Array(Buffer.from(text, 'base64url'));

/** One signature byte changed. */
function flipSignature(token: string): string {
  const [header, payload, signature = ''] = token.split('.');
  const bytes = fromBase64url(signature);
  bytes[bytes.length >> 1] = (bytes[bytes.length >> 1] as number) ^ 0x01;
  return `${header}.${payload}.${toBase64url(bytes)}`;
}

/** The signature of one payload over another (a claim for a different body). */
function swapPayload(token: string): string {
  const [header, , signature] = token.split('.');
  const other = toBase64url(new TextEncoder().encode('{"request_body_sha256":"AAAA"}'));
  return `${header}.${other}.${signature}`;
}

async function verifies(token: string, key: CandidateKey): Promise<boolean> {
  const jws = parseJws(token);
  if (typeof jws === 'string') throw new Error(jws);
  const result = verifyJws(jws, key);
  expect(result, 'the Web Crypto path answers with a promise').toBeInstanceOf(Promise);
  return result;
}

describe('verifyJws without node:crypto (keys with no node KeyObject)', () => {
  const keys = new Map<string, TestKey>();
  beforeAll(async () => {
    for (const alg of everyAsymmetric) keys.set(alg, await testKey(alg));
  });

  it.each(
    everyAsymmetric,
  )('%s: a JWK, a PEM and a CryptoKey verify; a changed signature or payload does not', async (alg) => {
    const key = keys.get(alg) as TestKey;
    const token = await signFusionAuthBody(body, key.privateKey, { alg, kid: key.kid });
    const candidates = [
      webOnly(jwkKey(key.jwk)),
      webOnly(await pemKey(await exportSPKI(key.publicKey))),
      webOnly(cryptoKey(key.publicKey)),
    ];
    for (const candidate of candidates) {
      expect(await verifies(token, candidate)).toBe(true);
      expect(await verifies(flipSignature(token), candidate)).toBe(false);
      expect(await verifies(swapPayload(token), candidate)).toBe(false);
    }
  });

  it.each([
    'HS256',
    'HS384',
    'HS512',
  ])('%s: a valid signature verifies; a changed signature, payload or secret does not', async (alg) => {
    const secret = new TextEncoder().encode(hmacSecret);
    const candidate = webOnly(hmacKey(hmacSecret));
    const token = await signFusionAuthBody(body, secret, { alg });
    expect(await verifies(token, candidate)).toBe(true);
    expect(await verifies(flipSignature(token), candidate)).toBe(false);
    expect(await verifies(swapPayload(token), candidate)).toBe(false);
    expect(await verifies(token, webOnly(hmacKey('another-secret')))).toBe(false);
  });

  it('an RSA key under 2048 bits is refused, as a JWK and as a PEM', () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(jwkKey({ ...publicKey.export({ format: 'jwk' }), kty: 'RSA' })).toBeUndefined();
    const pem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
    expect(() => pemKey(pem)).toThrow(/2048/);
  });

  it('a key of another family answers false, never throws', async () => {
    const es256 = keys.get('ES256') as TestKey;
    const token = await signFusionAuthBody(body, es256.privateKey, { alg: 'ES256' });
    expect(await verifies(token, webOnly(jwkKey((keys.get('ES384') as TestKey).jwk)))).toBe(false);
    expect(await verifies(token, webOnly(hmacKey(hmacSecret)))).toBe(false);
  });

  it('the same keys with node:crypto verify synchronously (the path the tests above avoid)', async () => {
    const key = keys.get('RS256') as TestKey;
    const jws = parseJws(await signFusionAuthBody(body, key.privateKey, { alg: 'RS256' }));
    if (typeof jws === 'string') throw new Error(jws);
    expect(verifyJws(jws, jwkKey(key.jwk) as CandidateKey)).toBe(true);
  });
});

/**
 * The whole FusionAuth receiver loaded as on a runtime without node:crypto (`process.getBuiltinModule`
 * finds no crypto module while it loads): PEM keys, JWS and body digests all go through Web Crypto.
 */
describe('fusionReceiver on a runtime without node:crypto', () => {
  type Module = typeof import('../src/index.js');
  let fusion: Module;
  let asked: unknown[] = [];
  const keys = new Map<string, TestKey>();

  beforeAll(async () => {
    for (const alg of asymmetric) keys.set(alg, await testKey(alg));
    const load = process.getBuiltinModule.bind(process);
    const spy = vi
      .spyOn(process, 'getBuiltinModule')
      .mockImplementation(((id: string) =>
        id === 'node:crypto' || id === 'crypto' ? undefined : load(id)) as typeof process.getBuiltinModule);
    vi.resetModules();
    try {
      fusion = await import('../src/index.js');
      asked = spy.mock.calls.map(([id]) => id).filter((id) => id === 'node:crypto');
    } finally {
      spy.mockRestore();
    }
  });
  afterAll(() => {
    vi.resetModules();
  });

  it('loaded without node:crypto: core (digests) and the FusionAuth keys both asked for it and got none', () => {
    expect(asked).toEqual(['node:crypto', 'node:crypto']);
  });

  async function receiver(publicKeys: (string | import('jose').JWK)[]) {
    return fusion
      .fusionReceiver({ signature: { publicKeys, hmacSecret }, logger: silent })
      .on('user.delete', () => {});
  }

  const post = (target: Awaited<ReturnType<typeof receiver>>, signature: string, sent = body) =>
    target.receive({
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-fusionauth-signature-jwt': signature },
      body: sent,
    });

  it.each(
    asymmetric,
  )('%s with a PEM and a JWK key: signed bodies handled, changed ones refused', async (alg) => {
    const key = keys.get(alg) as TestKey;
    for (const publicKey of [await exportSPKI(key.publicKey), key.jwk]) {
      const target = await receiver([publicKey]);
      const token = await signFusionAuthBody(body, key.privateKey, { alg, kid: key.kid });
      expect((await post(target, token)).outcome).toBe('handled');
      expect((await post(target, flipSignature(token))).outcome).toBe('unauthorized');
      const changed = body.replace('u-1', 'u-2');
      expect(await post(target, token, changed)).toMatchObject({
        status: 401,
        body: '{"outcome":"unauthorized","error":"signature check failed"}',
      });
    }
  });

  it('HS256: signed bodies handled, changed ones refused', async () => {
    const target = await receiver([]);
    const token = await signFusionAuthBody(body, new TextEncoder().encode(hmacSecret), { alg: 'HS256' });
    expect((await post(target, token)).status).toBe(200);
    expect((await post(target, token, `${body} `)).status).toBe(401);
    expect((await post(target, flipSignature(token))).status).toBe(401);
  });
});

const silent = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };
