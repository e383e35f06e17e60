import { importJWK, importSPKI, type CryptoKey as JoseKey, type JWK } from 'jose';
import { algOfCryptoKey, familyAllows, familyOfJwk, type KeyFamily } from './families.js';

/** One configured verification key; `resolve(alg)` imports it for that algorithm once and caches it. */
export interface CandidateKey {
  readonly kid: string | undefined;
  readonly family: KeyFamily;
  resolve(alg: string): Promise<JoseKey | Uint8Array>;
}

const encoder = new TextEncoder();

export function hmacKeys(secrets: readonly string[]): CandidateKey[] {
  return secrets.map((secret) => {
    if (secret.includes('-----BEGIN')) {
      throw new TypeError(
        'authhooks: signature.hmacSecret looks like a PEM key. Pass public keys as signature.publicKeys; ' +
          'hmacSecret is the shared secret of an HMAC signing key.',
      );
    }
    const bytes = encoder.encode(secret);
    return { kid: undefined, family: 'HMAC', resolve: async () => bytes };
  });
}

export function jwkKey(jwk: JWK): CandidateKey {
  const family = familyOfJwk(jwk);
  if (family === undefined || jwk.d !== undefined) {
    throw new TypeError(
      'authhooks: signature.publicKeys accepts public RSA, EC (P-256/384/521) or Ed25519 JWKs; ' +
        'this one is not (or it holds a private key: pass only the public part).',
    );
  }
  return cached(jwk.kid, family, (alg) => importJWK(jwk, alg) as Promise<JoseKey>);
}

export function cryptoKey(key: CryptoKey): CandidateKey {
  const bound = algOfCryptoKey(key);
  if (bound === undefined || (key.type !== 'public' && key.type !== 'secret')) {
    throw new TypeError(
      'authhooks: signature.publicKeys got a CryptoKey that is not an RSA, EC, Ed25519 or HMAC verify key.',
    );
  }
  return {
    kid: undefined,
    family: bound.family,
    resolve: async (alg) => {
      if (alg !== bound.alg) throw new Error(`key is bound to ${bound.alg}`);
      return key;
    },
  };
}

/** A PEM (SPKI) public key. Its family is found by trying to import it, once, at start-up. */
export function pemKey(pem: string): Promise<CandidateKey> {
  if (!pem.includes('-----BEGIN PUBLIC KEY-----')) {
    throw new TypeError(
      'authhooks: signature.publicKeys PEM strings must be SPKI public keys ("-----BEGIN PUBLIC KEY-----"), ' +
        'as shown for the key in FusionAuth Key Master.',
    );
  }
  return probeFamily(pem);
}

async function probeFamily(pem: string): Promise<CandidateKey> {
  const probes: [KeyFamily, string][] = [
    ['RSA', 'RS256'],
    ['EC-P256', 'ES256'],
    ['EC-P384', 'ES384'],
    ['EC-P521', 'ES512'],
    ['Ed25519', 'EdDSA'],
  ];
  for (const [family, alg] of probes) {
    const imported = await importSPKI(pem, alg).catch(() => undefined);
    if (imported !== undefined) {
      return cached(undefined, family, (want) =>
        want === alg ? Promise.resolve(imported) : importSPKI(pem, want),
      );
    }
  }
  throw new TypeError(
    'authhooks: a signature.publicKeys PEM could not be read as an RSA, EC or Ed25519 public key.',
  );
}

function cached(
  kid: string | undefined,
  family: KeyFamily,
  load: (alg: string) => Promise<JoseKey>,
): CandidateKey {
  const byAlg = new Map<string, Promise<JoseKey>>();
  return {
    kid,
    family,
    resolve(alg) {
      if (!familyAllows(family, alg))
        return Promise.reject(new Error(`${alg} is not allowed for a ${family} key`));
      let key = byAlg.get(alg);
      if (key === undefined) {
        key = load(alg);
        byAlg.set(alg, key);
      }
      return key;
    },
  };
}

export { cached as cachedKey };
