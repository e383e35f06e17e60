import { createHash, createHmac, createPrivateKey, sign as nodeSign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { silentLogger } from '@authhooks/core';
import { fusionReceiver, type SignatureOptions } from '@authhooks/fusionauth';
import { logtoReceiver } from '@authhooks/logto';
import { exportJWK } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import {
  asymmetricAlgorithms,
  createTestKeys,
  deliver,
  fusionAuthBody,
  fusionAuthSample,
  hmacAlgorithms,
  type JwksServer,
  publicJwkOf,
  serveJwks,
  signFusionAuthRequest,
  signLogtoRequest,
  type TestKeyPair,
} from '../src/index.js';

const base64url = (text: string | Buffer) => Buffer.from(text).toString('base64url');
const decodePart = (jwt: string, index: number) =>
  Buffer.from(jwt.split('.')[index] as string, 'base64url').toString();
const body = fusionAuthBody(fusionAuthSample('user.create'));
const digest = createHash('sha256').update(body).digest('base64');

function receiverWith(signature: SignatureOptions) {
  return fusionReceiver({ signature, logger: silentLogger }).on('user.create', () => {});
}

async function deliverSigned(
  receiver: ReturnType<typeof receiverWith>,
  headers: Record<string, string>,
  text = body,
) {
  return deliver(receiver, text, { headers });
}

describe('signFusionAuthRequest', () => {
  it('writes the JWT FusionAuth writes: {"alg","typ":"JWT","kid"} and only request_body_sha256 (standard Base64, padded)', async () => {
    const { 'x-fusionauth-signature-jwt': jwt } = await signFusionAuthRequest(body, {
      hmacSecret: 'secret',
      kid: 'key-1',
    });
    expect(decodePart(jwt, 0)).toBe('{"alg":"HS256","typ":"JWT","kid":"key-1"}');
    expect(decodePart(jwt, 1)).toBe(`{"request_body_sha256":"${digest}"}`);
    expect(digest).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it('is byte for byte an independent HS256 JWS over the same header and payload', async () => {
    const { 'x-fusionauth-signature-jwt': jwt } = await signFusionAuthRequest(body, {
      hmacSecret: 's3cret',
      kid: 'k',
    });
    const signingInput = `${base64url('{"alg":"HS256","typ":"JWT","kid":"k"}')}.${base64url(`{"request_body_sha256":"${digest}"}`)}`;
    const signature = createHmac('sha256', 's3cret').update(signingInput).digest('base64url');
    expect(jwt).toBe(`${signingInput}.${signature}`);
  });

  it('is byte for byte an independent RS256 JWS (PKCS#1 v1.5 is deterministic)', async () => {
    const key = await createTestKeys('RS256', { kid: 'rsa-1' });
    const { 'x-fusionauth-signature-jwt': jwt } = await signFusionAuthRequest(body, key);
    const signingInput = `${base64url('{"alg":"RS256","typ":"JWT","kid":"rsa-1"}')}.${base64url(`{"request_body_sha256":"${digest}"}`)}`;
    const signature = nodeSign('sha256', Buffer.from(signingInput), createPrivateKey(key.privateKeyPem));
    expect(jwt).toBe(`${signingInput}.${signature.toString('base64url')}`);
  });

  it('signs the bytes given: a Uint8Array body and its string give the same claim', async () => {
    const fromBytes = await signFusionAuthRequest(new TextEncoder().encode(body), 'secret');
    const fromText = await signFusionAuthRequest(body, 'secret');
    expect(fromBytes).toEqual(fromText);
  });

  it('a string is an HMAC secret (HS256, no kid) unless it is a PEM private key', async () => {
    const secret = await signFusionAuthRequest(body, 'plain secret');
    expect(JSON.parse(decodePart(secret['x-fusionauth-signature-jwt'], 0))).toEqual({
      alg: 'HS256',
      typ: 'JWT',
    });
    const key = await createTestKeys('ES384');
    const pem = await signFusionAuthRequest(body, key.privateKeyPem);
    expect(JSON.parse(decodePart(pem['x-fusionauth-signature-jwt'], 0))).toEqual({
      alg: 'ES384',
      typ: 'JWT',
    });
  });

  it('names an Ed25519 signature "Ed25519", as FusionAuth’s JWT library does, and EdDSA on request', async () => {
    const key = await createTestKeys('Ed25519');
    const ed = await signFusionAuthRequest(body, { privateKey: key.privateKeyPem });
    expect(JSON.parse(decodePart(ed['x-fusionauth-signature-jwt'], 0)).alg).toBe('Ed25519');
    const eddsa = await signFusionAuthRequest(body, { privateKey: key.privateKey, alg: 'EdDSA' });
    expect(JSON.parse(decodePart(eddsa['x-fusionauth-signature-jwt'], 0)).alg).toBe('EdDSA');
  });

  it('takes a private key as CryptoKey, PEM or JWK', async () => {
    const key = await createTestKeys('ES256', { kid: 'ec' });
    const receiver = receiverWith({ publicKeys: [key.publicJwk] });
    const jwk = { ...(await exportJWK(key.privateKey)), kid: 'ec' };
    for (const privateKey of [key.privateKey, key.privateKeyPem, jwk]) {
      const { status } = await deliverSigned(
        receiver,
        await signFusionAuthRequest(body, { privateKey, kid: 'ec' }),
      );
      expect(status).toBe(200);
    }
  });

  it('explains keys it cannot sign with', async () => {
    const ec = await createTestKeys('ES256');
    await expect(signFusionAuthRequest(body, { privateKey: ec.privateKeyPem, alg: 'ES384' })).rejects.toThrow(
      /EC P-256 key cannot sign ES384/,
    );
    await expect(signFusionAuthRequest(body, { privateKey: ec.publicKeyPem })).rejects.toThrow(
      /private key; this one is public/,
    );
    await expect(signFusionAuthRequest(body, { privateKey: ec.privateKey, alg: 'RS256' })).rejects.toThrow(
      /signs ES256, not RS256/,
    );
    await expect(signFusionAuthRequest(body, { hmacSecret: '' })).rejects.toThrow(/non-empty/);
    await expect(signFusionAuthRequest(body, { hmacSecret: 'x', alg: 'RS256' as never })).rejects.toThrow(
      /HS256/,
    );
    await expect(signFusionAuthRequest(body, 42 as never)).rejects.toThrow(/HMAC secret string/);
    await expect(
      signFusionAuthRequest(body, '-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----'),
    ).rejects.toThrow(/not a PEM key that can be read/);
  });
});

describe('interoperability with fusionReceiver', () => {
  const servers: JwksServer[] = [];
  afterAll(() => Promise.all(servers.map((server) => server.close())));

  it.each(
    hmacAlgorithms,
  )('%s: accepted with hmacSecret; tampered body, wrong secret and unsigned refused', async (alg) => {
    const key = await createTestKeys(alg);
    const receiver = receiverWith({ hmacSecret: key.hmacSecret });
    const headers = await signFusionAuthRequest(body, key);
    expect((await deliverSigned(receiver, headers)).status).toBe(200);
    expect(
      (await deliverSigned(receiver, headers, body.replace('"user.create"', '"user.create" '))).status,
    ).toBe(401);
    const forged = await signFusionAuthRequest(body, { hmacSecret: `${key.hmacSecret}x`, alg });
    expect((await deliverSigned(receiver, forged)).status).toBe(401);
    expect((await deliverSigned(receiver, {})).status).toBe(401);
  });

  it.each(
    asymmetricAlgorithms,
  )('%s: accepted with publicKeys (PEM and JWK) and jwksUrl; forged and tampered refused', async (alg) => {
    const key = (await createTestKeys(alg)) as TestKeyPair;
    const other = (await createTestKeys(alg, { kid: key.kid })) as TestKeyPair; // same kid, different key
    const jwks = await serveJwks(key);
    servers.push(jwks);
    const headers = await signFusionAuthRequest(body, key);
    for (const signature of [
      { publicKeys: [key.publicKeyPem] },
      { publicKeys: [key.publicJwk] },
      { jwksUrl: jwks.url },
    ]) {
      const receiver = receiverWith(signature);
      expect((await deliverSigned(receiver, headers)).status, JSON.stringify(signature).slice(0, 40)).toBe(
        200,
      );
      expect((await deliverSigned(receiver, headers, `${body} `)).status).toBe(401);
      expect((await deliverSigned(receiver, await signFusionAuthRequest(body, other))).status).toBe(401);
    }
  });

  it('an HMAC secret that is the public key PEM does not verify an asymmetric token (no key confusion)', async () => {
    const key = await createTestKeys('RS256');
    const receiver = receiverWith({ publicKeys: [key.publicKeyPem] });
    const confused = await signFusionAuthRequest(body, {
      hmacSecret: key.publicKeyPem.replace(/-----[A-Z ]+-----/g, ''),
      kid: key.kid,
    });
    expect((await deliverSigned(receiver, confused)).status).toBe(401);
  });
});

describe('createTestKeys and serveJwks', () => {
  it('creates HMAC secrets long enough for their hash', async () => {
    for (const [alg, bytes] of [
      ['HS256', 32],
      ['HS384', 48],
      ['HS512', 64],
    ] as const) {
      const key = await createTestKeys(alg);
      expect(Buffer.from(key.hmacSecret, 'base64')).toHaveLength(bytes);
      expect(key.kid).toMatch(new RegExp(`^test-${alg.toLowerCase()}-[0-9a-f]{8}$`));
    }
  });

  it('creates key pairs with PEMs and a public JWK (kid, alg, use) without private members', async () => {
    const key = await createTestKeys('RS256', { kid: 'mine' });
    expect(key.privateKeyPem).toContain('-----BEGIN PRIVATE KEY-----');
    expect(key.publicKeyPem).toContain('-----BEGIN PUBLIC KEY-----');
    expect(key.publicJwk).toMatchObject({ kty: 'RSA', kid: 'mine', alg: 'RS256', use: 'sig' });
    expect(key.publicJwk).not.toHaveProperty('d');
    await expect(createTestKeys('none' as never)).rejects.toThrow(/does not know algorithm "none"/);
  });

  it('serves only public halves at /.well-known/jwks.json on 127.0.0.1, and stops on close', async () => {
    const pair = await createTestKeys('ES256');
    const server = await serveJwks([pair, pair.privateKeyPem]);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\.well-known\/jwks\.json$/);
    const response = await fetch(server.url);
    expect(response.headers.get('content-type')).toBe('application/json');
    const { keys } = (await response.json()) as { keys: Record<string, unknown>[] };
    expect(keys).toHaveLength(2);
    for (const jwk of keys) {
      expect(jwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
      expect(jwk).not.toHaveProperty('d');
    }
    expect((await fetch(server.url.replace('jwks.json', 'other'))).status).toBe(404);
    await server.close();
    await expect(fetch(server.url)).rejects.toThrow();
  });

  it('refuses to list an HMAC key or a symmetric JWK', async () => {
    await expect(serveJwks(await createTestKeys('HS256'))).rejects.toThrow(/no public half/);
    expect(() => publicJwkOf({ kty: 'oct', k: 'AAAA' })).toThrow(/symmetric/);
  });
});

describe('signLogtoRequest', () => {
  const vectors = JSON.parse(
    readFileSync(new URL('../../logto/fixtures/signatures.json', import.meta.url), 'utf8'),
  ) as { logtoUnitTestVectors: { signingKey: string; vectors: { body: string; signature: string }[] } };

  it.each(vectors.logtoUnitTestVectors.vectors)('matches Logto’s own test vector for $body', async ({
    body,
    signature,
  }) => {
    expect(await signLogtoRequest(body, vectors.logtoUnitTestVectors.signingKey)).toEqual({
      'logto-signature-sha-256': signature,
    });
  });

  it('is accepted by logtoReceiver; a tampered body or another key is refused', async () => {
    const receiver = logtoReceiver({ signingKey: 'right', logger: silentLogger }).onAny(() => {});
    const payload =
      '{"event":"User.Deleted","createdAt":"2026-01-01T00:00:00.000Z","data":{"id":"u1"},"hookId":"h1"}';
    const post = async (text: string, key: string) =>
      (
        await receiver.fetch(
          new Request('http://localhost/', {
            method: 'POST',
            body: text,
            headers: { 'content-type': 'application/json', ...(await signLogtoRequest(payload, key)) },
          }),
        )
      ).status;
    expect(await post(payload, 'right')).toBe(200);
    expect(await post(payload.replace('u1', 'u2'), 'right')).toBe(401);
    expect(await post(payload, 'wrong')).toBe(401);
    await expect(signLogtoRequest(payload, '')).rejects.toThrow(/signing key/);
  });
});
