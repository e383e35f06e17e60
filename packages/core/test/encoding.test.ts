import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as encoding from '../src/encoding.js';

type Encoding = typeof encoding;

// The same checks on Node's Buffer path and on the Web path (Workers: no node:buffer).
function decodesBase64url(name: string, load: () => Encoding) {
  describe(`fromBase64url (${name})`, () => {
    it('decodes what Buffer encodes as base64url, every length from 0 to 64 bytes', () => {
      const { fromBase64url } = load();
      for (let length = 0; length <= 64; length++) {
        const bytes = randomBytes(length);
        const decoded = fromBase64url(bytes.toString('base64url'));
        expect(decoded).toBeInstanceOf(Uint8Array);
        expect(Buffer.from(decoded).equals(bytes), `length ${length}`).toBe(true);
      }
    });

    it('refuses padding, standard Base64 characters, spaces and impossible lengths', () => {
      const { fromBase64url } = load();
      for (const text of ['QQ==', 'a+b/', 'ab cd', 'abcde', '.']) {
        expect(() => fromBase64url(text), text).toThrow(TypeError);
      }
    });

    it('returns a plain Uint8Array: slice() copies, never shares', () => {
      const { fromBase64url } = load();
      const decoded = fromBase64url('AAECAw');
      const copy = decoded.slice();
      copy[0] = 9;
      expect(decoded[0]).toBe(0);
    });
  });
}

decodesBase64url('node:buffer', () => encoding);

describe('without node:buffer', () => {
  let web: Encoding;
  beforeAll(async () => {
    const load = process.getBuiltinModule.bind(process);
    const spy = vi
      .spyOn(process, 'getBuiltinModule')
      .mockImplementation(((id: string) =>
        id === 'node:buffer' ? undefined : load(id)) as typeof process.getBuiltinModule);
    vi.resetModules();
    try {
      web = await import('../src/encoding.js');
    } finally {
      spy.mockRestore();
    }
  });
  afterAll(() => {
    vi.resetModules();
  });

  decodesBase64url('Web: atob', () => web);
});
