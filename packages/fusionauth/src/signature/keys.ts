import type { KeyObject, JsonWebKey as NodeJwk } from 'node:crypto';
import { algOfCryptoKey, familyAllows, familyOfJwk, type KeyFamily } from './families.js';
import { nodeCrypto } from './node-crypto.js';
import { importForAlg, spkiDer } from './web-crypto.js';

/** A public JSON Web Key, as FusionAuth's `/.well-known/jwks.json` serves them. */
export interface PublicJwk {
  readonly kty?: string;
  readonly kid?: string;
  readonly alg?: string;
  readonly use?: string;
  readonly crv?: string;
  readonly [member: string]: unknown;
}

/**
 * A Web Crypto key (the global `CryptoKey`, or `webcrypto.CryptoKey` of `node:crypto`), by shape, so an
 * app compiled without the DOM lib type-checks; it must still be a real CryptoKey at run time.
 */
export interface WebCryptoKey {
  readonly type: string;
  readonly extractable: boolean;
  readonly algorithm: { readonly name: string };
  readonly usages: readonly string[];
}

/**
 * One verification key. `node` is its `node:crypto` form where the runtime has one (verified
 * synchronously); `resolve(alg)` imports it for Web Crypto, once per algorithm, elsewhere.
 */
export interface CandidateKey {
  readonly kid: string | undefined;
  readonly family: KeyFamily;
  readonly node: KeyObject | undefined;
  resolve(alg: string): Promise<CryptoKey>;
}

const encoder = new TextEncoder();
const minimumRsaBits = 2048;
/** OpenSSL's curve names, as `node:crypto` reports them. */
const curves: Readonly<Record<string, KeyFamily>> = {
  prime256v1: 'EC-P256',
  secp384r1: 'EC-P384',
  secp521r1: 'EC-P521',
};

export function hmacKey(secret: string): CandidateKey {
  if (secret.includes('-----BEGIN')) {
    throw new TypeError(
      'authhooks: signature.hmacSecret looks like a PEM key. Pass public keys as signature.publicKeys; ' +
        'hmacSecret is the shared secret of an HMAC signing key.',
    );
  }
  const bytes = encoder.encode(secret);
  return cached(undefined, 'HMAC', nodeCrypto?.createSecretKey(bytes), (alg) =>
    importForAlg('raw', bytes, alg),
  );
}

/** A public JWK, or undefined when it is not a usable verification key (private, unknown type, too weak). */
export function jwkKey(jwk: PublicJwk): CandidateKey | undefined {
  const family = familyOfJwk(jwk);
  if (family === undefined || jwk.d !== undefined || (jwk.use !== undefined && jwk.use !== 'sig'))
    return undefined;
  let node: KeyObject | undefined;
  if (nodeCrypto !== undefined) {
    try {
      node = nodeCrypto.createPublicKey({ key: jwk as NodeJwk, format: 'jwk' });
    } catch {
      return undefined;
    }
    if (!strongEnough(node)) return undefined;
  }
  return cached(jwk.kid, family, node, (alg) => importForAlg('jwk', jwk as JsonWebKey, alg));
}

export function cryptoKey(webKey: WebCryptoKey): CandidateKey {
  const key = webKey as CryptoKey;
  const bound = algOfCryptoKey(key);
  if (bound === undefined || (key.type !== 'public' && key.type !== 'secret')) {
    throw new TypeError(
      'authhooks: signature.publicKeys got a CryptoKey that is not an RSA, EC, Ed25519 or HMAC verify key.',
    );
  }
  return {
    kid: undefined,
    family: bound.family,
    node: nodeCrypto?.KeyObject.from(key),
    resolve: async (alg) => {
      if (alg !== bound.alg) throw new Error(`key is bound to ${bound.alg}`);
      return key;
    },
  };
}

/** A PEM (SPKI) public key, as FusionAuth Key Master shows it. Read synchronously where `node:crypto` exists. */
export function pemKey(pem: string): CandidateKey | Promise<CandidateKey> {
  if (!pem.includes('-----BEGIN PUBLIC KEY-----')) {
    throw new TypeError(
      'authhooks: signature.publicKeys PEM strings must be SPKI public keys ("-----BEGIN PUBLIC KEY-----"), ' +
        'as shown for the key in FusionAuth Key Master.',
    );
  }
  if (nodeCrypto !== undefined) {
    let node: KeyObject;
    try {
      node = nodeCrypto.createPublicKey(pem);
    } catch {
      throw unreadablePem();
    }
    const family = familyOfKeyObject(node);
    if (family === undefined || !strongEnough(node)) throw unreadablePem();
    return cached(undefined, family, node, (alg) => importForAlg('spki', spkiDer(pem), alg));
  }
  return probeFamily(pem);
}

function familyOfKeyObject(key: KeyObject): KeyFamily | undefined {
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return 'RSA';
    case 'ed25519':
      return 'Ed25519';
    case 'ec':
      return curves[key.asymmetricKeyDetails?.namedCurve ?? ''];
    default:
      return undefined;
  }
}

function strongEnough(key: KeyObject): boolean {
  return key.asymmetricKeyType !== 'rsa' || (key.asymmetricKeyDetails?.modulusLength ?? 0) >= minimumRsaBits;
}

function unreadablePem(): TypeError {
  return new TypeError(
    `authhooks: a signature.publicKeys PEM could not be read as an RSA (≥ ${minimumRsaBits} bits), EC or Ed25519 public key.`,
  );
}

/** Without node:crypto, the family of a PEM is found by trying to import it, once, at start-up. */
async function probeFamily(pem: string): Promise<CandidateKey> {
  const probes: [KeyFamily, string][] = [
    ['RSA', 'RS256'],
    ['EC-P256', 'ES256'],
    ['EC-P384', 'ES384'],
    ['EC-P521', 'ES512'],
    ['Ed25519', 'EdDSA'],
  ];
  const der = spkiDer(pem);
  for (const [family, alg] of probes) {
    const imported = await importForAlg('spki', der, alg).catch(() => undefined);
    if (imported !== undefined) {
      return cached(undefined, family, undefined, (want) =>
        want === alg ? Promise.resolve(imported) : importForAlg('spki', der, want),
      );
    }
  }
  throw unreadablePem();
}

function cached(
  kid: string | undefined,
  family: KeyFamily,
  node: KeyObject | undefined,
  load: (alg: string) => Promise<CryptoKey>,
): CandidateKey {
  const byAlg = new Map<string, Promise<CryptoKey>>();
  return {
    kid,
    family,
    node,
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
