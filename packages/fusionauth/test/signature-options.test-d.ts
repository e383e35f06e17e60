import type { webcrypto } from 'node:crypto';
import { describe, expectTypeOf, it } from 'vitest';
import type { SignatureOptions, WebCryptoKey } from '../src/index.js';

type PublicKeyOption = NonNullable<SignatureOptions['publicKeys']>[number];

describe('signature.publicKeys', () => {
  it("takes the DOM's CryptoKey and node:crypto's webcrypto.CryptoKey, without needing lib.dom itself", () => {
    expectTypeOf<CryptoKey>().toExtend<PublicKeyOption>();
    expectTypeOf<webcrypto.CryptoKey>().toExtend<PublicKeyOption>();
    expectTypeOf<CryptoKey>().toExtend<WebCryptoKey>();
  });

  it('takes a PEM string and a public JWK, and refuses a number', () => {
    expectTypeOf<string>().toExtend<PublicKeyOption>();
    expectTypeOf<{ kty: 'EC'; crv: 'P-256'; x: string; y: string }>().toExtend<PublicKeyOption>();
    expectTypeOf<number>().not.toExtend<PublicKeyOption>();
  });
});
