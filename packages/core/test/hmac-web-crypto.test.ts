// hmacSignatureVerifier computes the MAC with node:crypto where it exists and with Web Crypto
// elsewhere (Workers). Node never takes the Web Crypto path by default: here core is loaded while
// `process.getBuiltinModule` finds no crypto module, as on such a runtime.
import { createHmac } from 'node:crypto';
import { hmacSignatureVerifier as nodeVerifier, readHeaders } from '@authhooks/core';
import { beforeAll, describe, expect, it, vi } from 'vitest';

type Core = typeof import('@authhooks/core');

const body = new TextEncoder().encode('{"event":"User.Created","data":{"id":"u-1"}}');
const mac = (secret: string, encoding: 'hex' | 'base64', hash = 'sha256', bytes: Uint8Array = body) =>
  createHmac(hash, secret).update(bytes).digest(encoding);

let web: Core;
let asked: unknown[] = [];

beforeAll(async () => {
  const load = process.getBuiltinModule.bind(process);
  const spy = vi
    .spyOn(process, 'getBuiltinModule')
    .mockImplementation(((id: string) =>
      id === 'node:crypto' || id === 'crypto' ? undefined : load(id)) as typeof process.getBuiltinModule);
  vi.resetModules();
  try {
    web = await import('@authhooks/core');
    asked = spy.mock.calls.map(([id]) => id).filter((id) => id === 'node:crypto');
  } finally {
    spy.mockRestore();
  }
});

describe('hmacSignatureVerifier without node:crypto (Web Crypto)', () => {
  it('core was loaded without node:crypto', () => {
    expect(asked).toEqual(['node:crypto']);
  });

  it('verifies hex and base64, with a prefix, several secrets and each hash; the answer is a promise', async () => {
    const hex = web.hmacSignatureVerifier({ header: 'sig', secrets: ['old', 'new'], encoding: 'hex' });
    for (const secret of ['old', 'new']) {
      const result = hex.verify(readHeaders({ sig: mac(secret, 'hex') }), body);
      expect(result, 'Web Crypto answers asynchronously').toBeInstanceOf(Promise);
      expect(await result).toEqual({ ok: true });
    }
    const b64 = web.hmacSignatureVerifier({
      header: 'sig',
      secrets: 's',
      encoding: 'base64',
      prefix: 'sha256=',
    });
    expect(await b64.verify(readHeaders({ sig: `sha256=${mac('s', 'base64')}` }), body)).toEqual({
      ok: true,
    });
    for (const [hash, node] of [
      ['SHA-384', 'sha384'],
      ['SHA-512', 'sha512'],
    ] as const) {
      const verifier = web.hmacSignatureVerifier({ header: 'sig', secrets: 'k', encoding: 'hex', hash });
      expect(await verifier.verify(readHeaders({ sig: mac('k', 'hex', node) }), body), hash).toEqual({
        ok: true,
      });
    }
  });

  it('refuses a changed byte, a wrong secret and a malformed signature, like the node:crypto path', async () => {
    const options = { header: 'sig', secrets: 'k', encoding: 'hex' } as const;
    const verifier = web.hmacSignatureVerifier(options);
    const reference = nodeVerifier(options);
    const changed = body.slice();
    changed[3] = (changed[3] as number) ^ 1;
    const cases: [string, Uint8Array][] = [
      [mac('k', 'hex'), changed],
      [mac('other', 'hex'), body],
      ['abcd', body],
      [mac('k', 'hex'), body],
    ];
    for (const [sig, bytes] of cases) {
      const headers = readHeaders({ sig });
      expect(await verifier.verify(headers, bytes)).toEqual(await reference.verify(headers, bytes));
    }
    expect(await verifier.verify(readHeaders({ sig: mac('k', 'hex') }), changed)).toEqual({
      ok: false,
      reason: 'sig signature does not match the body',
    });
  });

  it('a receiver with the Web Crypto verifier answers 200 for a signed body and 401 for a changed one', async () => {
    const provider = {
      name: 'hmac-test',
      verifiers: [web.hmacSignatureVerifier({ header: 'sig', secrets: 'k', encoding: 'hex' })],
      schemas: {},
      locate: (json: unknown) => ({ event: json as Record<string, unknown>, type: 'ping' }),
      eventId: () => 'ping-1',
      context: {},
    };
    const receiver = web.createReceiver({ provider, logger: web.silentLogger }).onAny(() => {});
    const post = (sig: string, bytes: Uint8Array) =>
      receiver.receive({ method: 'POST', headers: { 'content-type': 'application/json', sig }, body: bytes });
    expect((await post(mac('k', 'hex'), body)).status).toBe(200);
    const changed = new TextEncoder().encode('{"event":"User.Created","data":{"id":"u-2"}}');
    expect(await post(mac('k', 'hex'), changed)).toMatchObject({
      status: 401,
      body: '{"outcome":"unauthorized","error":"signature check failed"}',
    });
  });
});
