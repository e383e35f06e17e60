// The attack matrix: one row per attack, with the answer DESIGN.md's outcome table requires for it.
import type { Exchange } from '../support/exchange.js';
import { base64url, bodyDigest, fusionSignature, signJws } from '../support/jws.js';
import {
  attackerKey,
  authorizationToken,
  authorizationValue,
  basicCredentials,
  basicPassword,
  basicUsername,
  credentials,
  eventBody,
  genuine,
  hmacSecret,
  jsonType,
  keyA,
  keyB,
  keyBId,
  type MountName,
  maxBodyBytes,
} from './attack-mounts.js';

export interface AttackCase {
  readonly name: string;
  readonly mount: MountName;
  /** Carries valid credentials for its mount; a case without them must never be answered 2xx. */
  readonly authentic: boolean;
  readonly request: () => Exchange;
  readonly status: number;
  readonly outcome: string;
  /** Headers the answer must carry (lower-case names). */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * An app-level JSON parser mounted before the webhook (Express behind `express.json()`) refuses this
   * body itself, with its own error page: the app's answer, not the webhook's. Then only "not 2xx" holds.
   */
  readonly parserAnswers?: true;
}

const unauthorized = { status: 401, outcome: 'unauthorized' } as const;
const badRequest = { status: 400, outcome: 'bad_request' } as const;
const handled = { status: 200, outcome: 'handled' } as const;
const basicChallenge = { 'www-authenticate': 'Basic realm="fusionauth-webhook", charset="UTF-8"' };

/** A request with the given header pairs and a fresh event body. */
const withHeaders =
  (...headers: [string, string][]) =>
  (): Exchange => ({ headers: [jsonType, ...headers], body: eventBody() });

/** A genuine delivery to `mount` whose body is then replaced (a claim for another body). */
const signedThenSwapped = (mount: MountName) => (): Exchange => ({
  headers: [jsonType, credentials(mount, eventBody())],
  body: eventBody(),
});

/** A signature-header request whose token `sign` builds from the body. */
const token = (sign: (body: string) => string) => (): Exchange => {
  const body = eventBody();
  return { headers: [jsonType, ['x-fusionauth-signature-jwt', sign(body)]], body };
};

const hmac = { hmac: hmacSecret };
const claimOf = (body: string, encoding: 'base64' | 'base64url' | 'hex' = 'base64') => ({
  request_body_sha256: bodyDigest(body, encoding),
});

/** A body sent with the authorization mount's valid credentials. */
const authedBody =
  (body: () => string | Uint8Array, contentType = 'application/json') =>
  (): Exchange => ({
    headers: [
      ['content-type', contentType],
      ['authorization', authorizationValue],
    ],
    body: body(),
  });

const event = (fields: string) =>
  `{"event":{"type":"user.delete","id":"${crypto.randomUUID()}","user":{"id":"user-1"},${fields}}}`;

const credentialCases: AttackCase[] = [
  {
    name: 'no Authorization header',
    mount: 'authorization',
    authentic: false,
    request: withHeaders(),
    ...unauthorized,
  },
  {
    name: 'a wrong Authorization value',
    mount: 'authorization',
    authentic: false,
    request: withHeaders(['authorization', 'Bearer wrong-token']),
    ...unauthorized,
  },
  {
    name: 'the scheme case-shifted: BEARER … against a configured Bearer …',
    mount: 'authorization',
    authentic: false,
    request: withHeaders(['authorization', `BEARER ${authorizationToken}`]),
    ...unauthorized,
  },
  {
    name: 'the scheme in lower case: bearer …',
    mount: 'authorization',
    authentic: false,
    request: withHeaders(['authorization', `bearer ${authorizationToken}`]),
    ...unauthorized,
  },
  {
    name: 'the token case-shifted',
    mount: 'authorization',
    authentic: false,
    request: withHeaders(['authorization', `Bearer ${authorizationToken.toUpperCase()}`]),
    ...unauthorized,
  },
  {
    name: 'the token without its scheme',
    mount: 'authorization',
    authentic: false,
    request: withHeaders(['authorization', authorizationToken]),
    ...unauthorized,
  },
  {
    name: 'the value with one character more',
    mount: 'authorization',
    authentic: false,
    request: withHeaders(['authorization', `${authorizationValue}x`]),
    ...unauthorized,
  },
  {
    name: 'the value with its last character missing',
    mount: 'authorization',
    authentic: false,
    request: withHeaders(['authorization', authorizationValue.slice(0, -1)]),
    ...unauthorized,
  },
  {
    name: 'an empty Authorization value',
    mount: 'authorization',
    authentic: false,
    request: withHeaders(['authorization', '']),
    ...unauthorized,
  },
  {
    name: 'the header NAME in capitals (names are case-insensitive): accepted',
    mount: 'authorization',
    authentic: true,
    request: withHeaders(['AUTHORIZATION', authorizationValue]),
    ...handled,
  },
  {
    name: 'the header name in mixed case: accepted',
    mount: 'authorization',
    authentic: true,
    request: withHeaders(['AuThOrIzAtIoN', authorizationValue]),
    ...handled,
  },
  {
    name: 'Authorization twice: valid then wrong',
    mount: 'authorization',
    authentic: false,
    request: withHeaders(['authorization', authorizationValue], ['authorization', 'Bearer wrong']),
    ...unauthorized,
  },
  {
    name: 'Authorization twice: wrong then valid',
    mount: 'authorization',
    authentic: false,
    request: withHeaders(['authorization', 'Bearer wrong'], ['authorization', authorizationValue]),
    ...unauthorized,
  },
  {
    name: 'Authorization twice: valid and valid',
    mount: 'authorization',
    authentic: false,
    request: withHeaders(['authorization', authorizationValue], ['Authorization', authorizationValue]),
    ...unauthorized,
  },
  {
    name: 'unauthenticated with a body over maxBodyBytes: 401 from the headers, not 413',
    mount: 'authorization',
    authentic: false,
    request: () => ({ headers: [jsonType], body: eventBody({ pad: 'x'.repeat(maxBodyBytes * 2) }) }),
    ...unauthorized,
  },
  {
    name: 'unauthenticated with a __proto__ body: 401 before the body is parsed',
    mount: 'authorization',
    authentic: false,
    request: () => ({ headers: [jsonType], body: event('"__proto__":{"admin":true}') }),
    ...unauthorized,
  },
];

const basicCases: AttackCase[] = [
  {
    name: 'Basic with ":" and non-ASCII (UTF-8) in the password: accepted',
    mount: 'basic',
    authentic: true,
    request: withHeaders(['authorization', basicCredentials(basicUsername, basicPassword)]),
    ...handled,
  },
  {
    name: 'Basic with the scheme in lower case (schemes are case-insensitive, RFC 7617): accepted',
    mount: 'basic',
    authentic: true,
    request: withHeaders([
      'authorization',
      basicCredentials(basicUsername, basicPassword).replace('Basic', 'basic'),
    ]),
    ...handled,
  },
  {
    name: 'Basic with the password encoded as Latin-1 instead of UTF-8',
    mount: 'basic',
    authentic: false,
    request: withHeaders(['authorization', basicCredentials(basicUsername, basicPassword, 'latin1')]),
    ...unauthorized,
    headers: basicChallenge,
  },
  {
    name: 'Basic with the password in another Unicode normal form (NFD)',
    mount: 'basic',
    authentic: false,
    request: withHeaders(['authorization', basicCredentials(basicUsername, basicPassword.normalize('NFD'))]),
    ...unauthorized,
    headers: basicChallenge,
  },
  {
    name: 'Basic with a wrong password',
    mount: 'basic',
    authentic: false,
    request: withHeaders(['authorization', basicCredentials(basicUsername, 'p:ss:word')]),
    ...unauthorized,
    headers: basicChallenge,
  },
  {
    name: 'Basic with only the part of the password before its first ":"',
    mount: 'basic',
    authentic: false,
    request: withHeaders(['authorization', basicCredentials(basicUsername, 'p')]),
    ...unauthorized,
  },
  {
    name: 'Basic with characters that are not base64',
    mount: 'basic',
    authentic: false,
    request: withHeaders(['authorization', 'Basic !!!not*base64!!!']),
    ...unauthorized,
    headers: basicChallenge,
  },
  {
    name: 'Basic with base64 of an impossible length',
    mount: 'basic',
    authentic: false,
    request: withHeaders(['authorization', 'Basic a']),
    ...unauthorized,
  },
  {
    name: 'Basic without a colon',
    mount: 'basic',
    authentic: false,
    request: withHeaders([
      'authorization',
      `Basic ${Buffer.from(`${basicUsername}${basicPassword}`).toString('base64')}`,
    ]),
    ...unauthorized,
  },
  {
    name: 'Basic with an empty password',
    mount: 'basic',
    authentic: false,
    request: withHeaders(['authorization', basicCredentials(basicUsername, '')]),
    ...unauthorized,
  },
  {
    name: 'Basic credentials sent as Bearer',
    mount: 'basic',
    authentic: false,
    request: withHeaders([
      'authorization',
      basicCredentials(basicUsername, basicPassword).replace('Basic', 'Bearer'),
    ]),
    ...unauthorized,
  },
  {
    name: 'no Authorization header on a Basic mount',
    mount: 'basic',
    authentic: false,
    request: withHeaders(),
    ...unauthorized,
    headers: basicChallenge,
  },
];

const hmacCases: AttackCase[] = [
  { name: 'HS256, genuine', mount: 'hmac', authentic: true, request: () => genuine('hmac'), ...handled },
  {
    name: 'the signature header named as FusionAuth writes it (X-FusionAuth-Signature-JWT): accepted',
    mount: 'hmac',
    authentic: true,
    request: () => {
      const body = eventBody();
      return { headers: [jsonType, ['X-FusionAuth-Signature-JWT', fusionSignature(body, hmac)]], body };
    },
    ...handled,
  },
  {
    name: 'HS512 with the same secret, genuine',
    mount: 'hmac',
    authentic: true,
    request: token((body) => fusionSignature(body, hmac, { alg: 'HS512' })),
    ...handled,
  },
  {
    name: 'alg: none',
    mount: 'hmac',
    authentic: false,
    request: token((body) => signJws({ alg: 'none', typ: 'JWT' }, claimOf(body), hmac)),
    ...unauthorized,
  },
  {
    name: 'alg: NONE with an HMAC signature appended',
    mount: 'hmac',
    authentic: false,
    request: token((body) => {
      const unsigned = signJws({ alg: 'NONE' }, claimOf(body), hmac);
      const signed = signJws({ alg: 'HS256' }, claimOf(body), hmac);
      return `${unsigned.slice(0, -1)}${signed.split('.')[2]}`;
    }),
    ...unauthorized,
  },
  {
    name: 'a valid signature whose claim is for another body',
    mount: 'hmac',
    authentic: false,
    request: signedThenSwapped('hmac'),
    ...unauthorized,
  },
  {
    name: 'the digest written in hex',
    mount: 'hmac',
    authentic: false,
    request: token((body) => signJws({ alg: 'HS256' }, claimOf(body, 'hex'), hmac)),
    ...unauthorized,
  },
  {
    name: 'the digest written in base64url without padding',
    mount: 'hmac',
    authentic: false,
    request: token((body) => signJws({ alg: 'HS256' }, claimOf(body, 'base64url'), hmac)),
    ...unauthorized,
  },
  {
    name: 'a validly signed JWS with crit',
    mount: 'hmac',
    authentic: false,
    request: token((body) =>
      signJws({ alg: 'HS256', crit: ['x-authhooks-test'], 'x-authhooks-test': 1 }, claimOf(body), hmac),
    ),
    ...unauthorized,
  },
  {
    name: 'a validly signed JWS with b64: false (unencoded payload)',
    mount: 'hmac',
    authentic: false,
    request: () => {
      const body = eventBody();
      const header = base64url(JSON.stringify({ alg: 'HS256', b64: false, crit: ['b64'] }));
      const payload = JSON.stringify(claimOf(body));
      const signature = signJws({ alg: 'HS256' }, payload, hmac).split('.')[2];
      // RFC 7797 detached form: the payload is not base64url-encoded in the signing input.
      return {
        headers: [jsonType, ['x-fusionauth-signature-jwt', `${header}.${base64url(payload)}.${signature}`]],
        body,
      };
    },
    ...unauthorized,
  },
  {
    name: 'a JWS signed with another secret',
    mount: 'hmac',
    authentic: false,
    request: token((body) => fusionSignature(body, { hmac: `${hmacSecret}-not` })),
    ...unauthorized,
  },
  {
    name: 'a validly signed JWS without the request_body_sha256 claim',
    mount: 'hmac',
    authentic: false,
    request: token(() => signJws({ alg: 'HS256' }, { sub: 'anything' }, hmac)),
    ...unauthorized,
  },
  {
    name: 'a junk token: a.b.c',
    mount: 'hmac',
    authentic: false,
    request: withHeaders(['x-fusionauth-signature-jwt', 'a.b.c']),
    ...unauthorized,
  },
  {
    name: 'no signature header on a signature mount',
    mount: 'hmac',
    authentic: false,
    request: withHeaders(['authorization', authorizationValue]),
    ...unauthorized,
  },
  {
    name: 'the signature header twice, both genuine',
    mount: 'hmac',
    authentic: false,
    request: () => {
      const body = eventBody();
      const jwt = fusionSignature(body, hmac);
      return {
        headers: [jsonType, ['x-fusionauth-signature-jwt', jwt], ['X-FusionAuth-Signature-JWT', jwt]],
        body,
      };
    },
    ...unauthorized,
  },
];

const publicKeyCases: AttackCase[] = [
  {
    name: 'RS256 with the PEM-configured key, genuine',
    mount: 'publicKeys',
    authentic: true,
    request: token((body) => fusionSignature(body, { privateKey: keyA.privateKey }, { alg: 'RS256' })),
    ...handled,
  },
  {
    name: 'RS256 with the JWK-configured key and its kid, genuine',
    mount: 'publicKeys',
    authentic: true,
    request: () => genuine('publicKeys'),
    ...handled,
  },
  {
    name: 'HS256 keyed with the RSA public key (PEM text as HMAC secret)',
    mount: 'publicKeys',
    authentic: false,
    request: token((body) => fusionSignature(body, { hmac: keyA.publicPem })),
    ...unauthorized,
  },
  {
    name: 'HS256 keyed with the PEM text, naming the JWK key by kid',
    mount: 'publicKeys',
    authentic: false,
    request: token((body) => fusionSignature(body, { hmac: keyA.publicPem }, { header: { kid: keyBId } })),
    ...unauthorized,
  },
  {
    name: 'a foreign kid: signed with a key nobody configured',
    mount: 'publicKeys',
    authentic: false,
    request: token((body) =>
      fusionSignature(
        body,
        { privateKey: attackerKey.privateKey },
        { alg: 'RS256', header: { kid: 'attacker' } },
      ),
    ),
    ...unauthorized,
  },
  {
    name: 'a configured kid on a token signed with a key nobody configured',
    mount: 'publicKeys',
    authentic: false,
    request: token((body) =>
      fusionSignature(
        body,
        { privateKey: attackerKey.privateKey },
        { alg: 'RS256', header: { kid: keyBId } },
      ),
    ),
    ...unauthorized,
  },
  {
    name: 'an RS256 signature relabelled PS256',
    mount: 'publicKeys',
    authentic: false,
    request: token((body) => {
      const [, payload, signature] = fusionSignature(
        body,
        { privateKey: keyA.privateKey },
        { alg: 'RS256' },
      ).split('.');
      return `${base64url(JSON.stringify({ alg: 'PS256', typ: 'JWT' }))}.${payload}.${signature}`;
    }),
    ...unauthorized,
  },
  {
    name: 'alg: none on a public-key mount',
    mount: 'publicKeys',
    authentic: false,
    request: token((body) => signJws({ alg: 'none', kid: keyBId }, claimOf(body), hmac)),
    ...unauthorized,
  },
  {
    name: 'a valid RS256 signature whose claim is for another body',
    mount: 'publicKeys',
    authentic: false,
    request: signedThenSwapped('publicKeys'),
    ...unauthorized,
  },
  {
    name: 'the RS256 digest written in hex',
    mount: 'publicKeys',
    authentic: false,
    request: token((body) =>
      signJws({ alg: 'RS256', kid: keyBId }, claimOf(body, 'hex'), { privateKey: keyB.privateKey }),
    ),
    ...unauthorized,
  },
];

/** `levels` nested arrays inside the event: the deepest sits at depth 2 + levels (body = 1, event = 2). */
const deep = (levels: number) => `"x":${'['.repeat(levels)}${']'.repeat(levels)}`;

const bodyCases: AttackCase[] = [
  {
    name: 'bytes that are not UTF-8 in the body',
    mount: 'authorization',
    authentic: true,
    request: authedBody(() => {
      const [before = '', after = ''] = event('"name":"@"').split('@');
      return Buffer.concat([Buffer.from(before), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(after)]);
    }),
    ...badRequest,
  },
  {
    name: 'a UTF-8 BOM before the JSON (RFC 8259 lets a parser ignore it): accepted',
    mount: 'authorization',
    authentic: true,
    request: authedBody(() => `\uFEFF${eventBody()}`),
    ...handled,
  },
  {
    name: 'UTF-16 with its BOM',
    mount: 'authorization',
    authentic: true,
    request: authedBody(() => Buffer.from(`\uFEFF${eventBody()}`, 'utf16le')),
    ...badRequest,
    parserAnswers: true,
  },
  {
    name: 'a 10 000-deep array inside the event',
    mount: 'authorization',
    authentic: true,
    request: authedBody(() => event(deep(10_000))),
    ...badRequest,
  },
  {
    name: 'nesting one level past the limit of 64',
    mount: 'authorization',
    authentic: true,
    request: authedBody(() => event(deep(63))),
    ...badRequest,
  },
  {
    name: 'nesting at the depth limit (64): accepted',
    mount: 'authorization',
    authentic: true,
    request: authedBody(() => event(deep(62))),
    ...handled,
  },
  {
    name: 'a __proto__ key in the event',
    mount: 'authorization',
    authentic: true,
    request: authedBody(() => event('"__proto__":{"isAdmin":true}')),
    ...badRequest,
  },
  {
    name: 'a __proto__ key written with \\u escapes',
    mount: 'authorization',
    authentic: true,
    request: authedBody(() => event('"\\u005f\\u005fproto\\u005f\\u005f":{"isAdmin":true}')),
    ...badRequest,
  },
  {
    name: 'a __proto__ key beside the event',
    mount: 'authorization',
    authentic: true,
    request: authedBody(() => eventBody().replace(/^\{/, '{"__proto__":{"isAdmin":true},')),
    ...badRequest,
  },
  {
    name: 'a constructor.prototype key in the event',
    mount: 'authorization',
    authentic: true,
    request: authedBody(() => event('"user2":{"constructor":{"prototype":{"isAdmin":true}}}')),
    ...badRequest,
  },
  {
    name: 'a constructor.prototype key written with \\u escapes',
    mount: 'authorization',
    authentic: true,
    request: authedBody(() => event('"user2":{"\\u0063onstructor":{"prot\\u006ftype":{"isAdmin":true}}}')),
    ...badRequest,
  },
  {
    name: 'an empty body',
    mount: 'authorization',
    authentic: true,
    request: authedBody(() => ''),
    ...badRequest,
  },
  {
    name: 'a declared body over maxBodyBytes',
    mount: 'authorization',
    authentic: true,
    request: authedBody(() => eventBody({ pad: 'x'.repeat(maxBodyBytes) })),
    status: 413,
    outcome: 'payload_too_large',
  },
  {
    name: 'a chunked body past maxBodyBytes',
    mount: 'authorization',
    authentic: true,
    request: () => ({ ...authedBody(() => '')(), chunkedBytes: 4 * 1024 * 1024 }),
    status: 413,
    outcome: 'payload_too_large',
    parserAnswers: true,
  },
];

const allow = { allow: 'POST' };
const methodCases: AttackCase[] = ['GET', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'].map((method) => ({
  name: `method ${method}`,
  mount: 'authorization',
  authentic: true,
  request: () => ({ ...authedBody(eventBody)(), method }),
  status: 405,
  outcome: 'method_not_allowed',
  headers: allow,
}));

const unsupported = { status: 415, outcome: 'unsupported_media_type' } as const;
const contentTypeCases: AttackCase[] = [
  {
    name: 'no Content-Type',
    mount: 'authorization',
    authentic: true,
    request: () => ({ headers: [['authorization', authorizationValue]], body: eventBody() }),
    ...unsupported,
  },
  ...['text/plain', 'text/json', 'application/x-www-form-urlencoded', 'application/jsonp'].map(
    (type): AttackCase => ({
      name: `Content-Type ${type}`,
      mount: 'authorization',
      authentic: true,
      request: authedBody(eventBody, type),
      ...unsupported,
    }),
  ),
  {
    name: 'Content-Type application/json sent twice',
    mount: 'authorization',
    authentic: true,
    request: () => ({
      headers: [jsonType, jsonType, ['authorization', authorizationValue]],
      body: eventBody(),
    }),
    ...unsupported,
  },
  {
    name: 'Content-Type Application/JSON; charset=UTF-8 (media types are case-insensitive): accepted',
    mount: 'authorization',
    authentic: true,
    request: authedBody(eventBody, 'Application/JSON; charset=UTF-8'),
    ...handled,
  },
];

export const attackCases: readonly AttackCase[] = [
  ...credentialCases,
  ...basicCases,
  ...hmacCases,
  ...publicKeyCases,
  ...bodyCases,
  ...methodCases,
  ...contentTypeCases,
];
