/** HMAC algorithms of FusionAuth signing keys (Key Master → HMAC). */
export const hmacAlgorithms = ['HS256', 'HS384', 'HS512'] as const;
/**
 * Asymmetric algorithms. FusionAuth's JWT library writes `Ed25519` as the `alg` of an Ed25519 key;
 * `EdDSA` is the older JOSE name for the same signature.
 */
export const asymmetricAlgorithms = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'Ed25519',
  'EdDSA',
] as const;
export const signingAlgorithms = [...hmacAlgorithms, ...asymmetricAlgorithms] as const;

export type HmacAlgorithm = (typeof hmacAlgorithms)[number];
export type AsymmetricAlgorithm = (typeof asymmetricAlgorithms)[number];
export type SigningAlgorithm = (typeof signingAlgorithms)[number];

export function isSigningAlgorithm(alg: string): alg is SigningAlgorithm {
  return (signingAlgorithms as readonly string[]).includes(alg);
}

export function isHmacAlgorithm(alg: string): alg is HmacAlgorithm {
  return (hmacAlgorithms as readonly string[]).includes(alg);
}

/** The algorithm FusionAuth signs with for a key of this JWK type (RSA keys sign RS256 unless told otherwise). */
export function defaultAlgorithmOfJwk(jwk: {
  kty?: string | undefined;
  crv?: string | undefined;
}): AsymmetricAlgorithm | undefined {
  if (jwk.kty === 'RSA') return 'RS256';
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') return 'ES256';
  if (jwk.kty === 'EC' && jwk.crv === 'P-384') return 'ES384';
  if (jwk.kty === 'EC' && jwk.crv === 'P-521') return 'ES512';
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return 'Ed25519';
  return undefined;
}
