// X-FusionAuth-Signature-JWT tokens for the fuzzer: every header field, key, claim encoding and
// tampering an attacker can choose, and whether the result is genuine (the only case that may be 2xx).
import { createHmac, type KeyObject, sign } from 'node:crypto';
import fc from 'fast-check';
import { base64url, bodyDigest, type RsaKey } from '../../support/jws.js';
import { genuineBody } from './bodies.js';

export interface SignatureKeys {
  readonly hmacSecret: string;
  /** Configured as a public key. */
  readonly ec: RsaKey;
  /** Configured nowhere. */
  readonly attackerEc: RsaKey;
  /** A PEM configured as a public key: used as an HMAC secret it must verify nothing. */
  readonly pem: string;
}

export interface FuzzSigned {
  readonly body: string;
  readonly token: string;
  readonly genuine: boolean;
}

type KeyChoice = 'hmac' | 'ec' | 'wrongHmac' | 'pemAsHmac' | 'attackerEc';
type Claim = 'base64' | 'hex' | 'base64url' | 'unpadded' | 'random' | 'missing' | 'number';
type Tamper = 'none' | 'body' | 'signature' | 'truncate' | 'junk';

const alg = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('HS256', 'HS384', 'HS512', 'ES256') },
  fc.constantFrom('none', 'None', 'NONE', 'RS256', 'PS256', 'ES384', 'EdDSA', 'HS1', '', 'hs256', 'HS256 '),
);
const key = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<KeyChoice>('hmac', 'ec') },
  fc.constantFrom<KeyChoice>('wrongHmac', 'pemAsHmac', 'attackerEc'),
);
const claim = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Claim>('base64') },
  fc.constantFrom<Claim>('hex', 'base64url', 'unpadded', 'random', 'missing', 'number'),
);
const tamper = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Tamper>('none') },
  fc.constantFrom<Tamper>('body', 'signature', 'truncate', 'junk'),
);
/** Header fields besides alg; `refused` when the verifier must refuse any token carrying them. */
const extra = fc.constantFrom<[Record<string, unknown>, boolean]>(
  [{}, false],
  [{ typ: 'JOSE' }, false],
  [{ cty: 'json' }, false],
  [{ jku: 'https://attacker.example/jwks.json' }, false],
  [{ x5u: 'https://attacker.example/cert.pem' }, false],
  [{ crit: ['exp'] }, true],
  [{ b64: false, crit: ['b64'] }, true],
  [{ b64: true }, true],
);

export function fuzzSigned(keys: SignatureKeys): fc.Arbitrary<FuzzSigned> {
  return fc
    .record({
      id: fc.uuid(),
      alg,
      key,
      kid: fc.option(fc.string({ maxLength: 12 }), { nil: undefined }),
      extra,
      embedJwk: fc.boolean(),
      claim,
      randomClaim: fc.string({ maxLength: 44 }),
      tamper,
      junk: fc.string({ maxLength: 80 }),
      cut: fc.nat(),
    })
    .map((c) => {
      const body = genuineBody(c.id);
      const [fields, refused] = c.extra;
      const header: Record<string, unknown> = { alg: c.alg, typ: 'JWT', ...fields };
      if (c.kid !== undefined) header.kid = c.kid;
      // An attacker may embed their own key: it must never be trusted.
      if (c.embedJwk) header.jwk = keys.attackerEc.publicJwk('embedded');
      const payload = claimPayload(c.claim, body, c.randomClaim);
      const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
      let token = `${input}.${base64url(signature(c.alg, c.key, input, keys))}`;
      let sent = body;
      if (c.tamper === 'body') sent = `${body} `;
      if (c.tamper === 'signature') token = flipFirstSignatureChar(token);
      if (c.tamper === 'truncate') token = token.slice(0, c.cut % token.length);
      if (c.tamper === 'junk') token = c.junk;
      const signedRight =
        (/^HS(256|384|512)$/.test(c.alg) && c.key === 'hmac') || (c.alg === 'ES256' && c.key === 'ec');
      const genuine = signedRight && !refused && c.claim === 'base64' && c.tamper === 'none';
      return { body: sent, token, genuine };
    });
}

function claimPayload(claim: Claim, body: string, random: string): Record<string, unknown> {
  switch (claim) {
    case 'base64':
      return { request_body_sha256: bodyDigest(body) };
    case 'hex':
      return { request_body_sha256: bodyDigest(body, 'hex') };
    case 'base64url':
      return { request_body_sha256: bodyDigest(body, 'base64url') };
    case 'unpadded':
      return { request_body_sha256: bodyDigest(body).replace(/=+$/, '') };
    case 'random':
      return { request_body_sha256: random };
    case 'missing':
      return { sub: 'someone' };
    case 'number':
      return { request_body_sha256: 12345 };
  }
}

function signature(alg: string, choice: KeyChoice, input: string, keys: SignatureKeys): Uint8Array {
  if (alg.toLowerCase() === 'none') return new Uint8Array(0);
  const hash = /^HS(384|512)$/.test(alg) ? `sha${alg.slice(2)}` : 'sha256';
  const hmac = (secret: string) => createHmac(hash, secret).update(input).digest();
  const ecdsa = (privateKey: KeyObject) =>
    sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
  switch (choice) {
    case 'hmac':
      return hmac(keys.hmacSecret);
    case 'wrongHmac':
      return hmac(`${keys.hmacSecret}!`);
    case 'pemAsHmac':
      return hmac(keys.pem);
    case 'ec':
      return ecdsa(keys.ec.privateKey);
    case 'attackerEc':
      return ecdsa(keys.attackerEc.privateKey);
  }
}

/** The first character of a base64url part carries six full bits: changing it always changes the bytes. */
function flipFirstSignatureChar(token: string): string {
  const at = token.lastIndexOf('.') + 1;
  if (at >= token.length) return `${token}A`;
  const c = token[at] === 'A' ? 'B' : 'A';
  return `${token.slice(0, at)}${c}${token.slice(at + 1)}`;
}
