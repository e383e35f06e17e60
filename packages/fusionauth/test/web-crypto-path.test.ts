// The Web Crypto path (Workers, or any runtime without node:crypto): keys without their node form.
import { exportSPKI } from 'jose';
import { describe, expect, it } from 'vitest';
import { type ParsedJws, parseJws } from '../src/signature/jws.js';
import { type CandidateKey, cryptoKey, hmacKey, jwkKey, pemKey } from '../src/signature/keys.js';
import { verifyJws } from '../src/signature/verify-jws.js';
import { signFusionAuthBody, testKey } from './helpers/sign.js';

const body = new TextEncoder().encode('{"event":{"type":"user.delete","id":"e-1","user":{"id":"u-1"}}}');
const webOnly = (key: CandidateKey): CandidateKey => ({ ...key, node: undefined });
const parsed = (token: string) => parseJws(token) as ParsedJws;

function tamper(jws: ParsedJws): ParsedJws {
  const signature = jws.signature.slice();
  signature[signature.length - 1] = (signature[signature.length - 1] as number) ^ 1;
  return { ...jws, signature };
}

describe('JWS verification without node:crypto', () => {
  it.each([
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
  ])('%s: a JWK, a PEM and a CryptoKey verify; a changed signature byte does not', async (alg) => {
    const key = await testKey(alg);
    const jws = parsed(await signFusionAuthBody(body, key.privateKey, { alg, kid: key.kid }));
    const candidates = [
      webOnly(jwkKey(key.jwk) as CandidateKey),
      webOnly(await pemKey(await exportSPKI(key.publicKey))),
      webOnly(cryptoKey(key.publicKey)),
    ];
    for (const candidate of candidates) {
      expect(candidate.node).toBeUndefined();
      expect(await verifyJws(jws, candidate)).toBe(true);
      expect(await verifyJws(tamper(jws), candidate)).toBe(false);
    }
  });

  it.each([
    'HS256',
    'HS384',
    'HS512',
  ])('%s: the shared secret verifies; another secret does not', async (alg) => {
    const secret = 'web-crypto-hmac-secret';
    const jws = parsed(await signFusionAuthBody(body, new TextEncoder().encode(secret), { alg }));
    expect(await verifyJws(jws, webOnly(hmacKey(secret)))).toBe(true);
    expect(await verifyJws(jws, webOnly(hmacKey('another-secret')))).toBe(false);
    expect(await verifyJws(tamper(jws), webOnly(hmacKey(secret)))).toBe(false);
  });

  it('an RSA key under 2048 bits is refused on both paths', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const jwk = publicKey.export({ format: 'jwk' });
    expect(jwkKey({ ...jwk, kty: 'RSA' })).toBeUndefined();
    const pem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
    expect(() => pemKey(pem)).toThrow(/2048/);
  });
});
