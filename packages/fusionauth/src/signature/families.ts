/**
 * The algorithm family is decided by the key, never by the token: an HMAC secret only verifies
 * HS*, an RSA key RS* or PS*, an EC key the one ES* of its curve, an Ed25519 key EdDSA.
 * This is what stops key-confusion attacks (an HS256 token "signed" with the RSA public key).
 */
export type KeyFamily = 'HMAC' | 'RSA' | 'EC-P256' | 'EC-P384' | 'EC-P521' | 'Ed25519';

const allowed: Readonly<Record<KeyFamily, readonly string[]>> = {
  HMAC: ['HS256', 'HS384', 'HS512'],
  RSA: ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'],
  'EC-P256': ['ES256'],
  'EC-P384': ['ES384'],
  'EC-P521': ['ES512'],
  Ed25519: ['EdDSA', 'Ed25519'],
};

export function familyAllows(family: KeyFamily, alg: string): boolean {
  return allowed[family].includes(alg);
}

export function familyOfJwk(jwk: { kty?: unknown; crv?: unknown }): KeyFamily | undefined {
  if (jwk.kty === 'RSA') return 'RSA';
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') return 'EC-P256';
  if (jwk.kty === 'EC' && jwk.crv === 'P-384') return 'EC-P384';
  if (jwk.kty === 'EC' && jwk.crv === 'P-521') return 'EC-P521';
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return 'Ed25519';
  return undefined;
}

/** A CryptoKey is bound to one algorithm already; returns that JWS `alg`. */
export function algOfCryptoKey(key: CryptoKey): { family: KeyFamily; alg: string } | undefined {
  const algorithm = key.algorithm as { name: string; hash?: { name: string }; namedCurve?: string };
  const bits = algorithm.hash?.name.replace('SHA-', '');
  switch (algorithm.name) {
    case 'RSASSA-PKCS1-v1_5':
      return { family: 'RSA', alg: `RS${bits}` };
    case 'RSA-PSS':
      return { family: 'RSA', alg: `PS${bits}` };
    case 'HMAC':
      return { family: 'HMAC', alg: `HS${bits}` };
    case 'ECDSA': {
      const family = familyOfJwk({ kty: 'EC', crv: algorithm.namedCurve });
      return family && { family, alg: allowed[family][0] as string };
    }
    case 'Ed25519':
      return { family: 'Ed25519', alg: 'EdDSA' };
    default:
      return undefined;
  }
}
