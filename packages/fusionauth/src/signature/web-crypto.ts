/**
 * JWS verification with Web Crypto alone, for runtimes without `node:crypto` (Workers): the import
 * and verify parameters of each algorithm FusionAuth signs with.
 */
interface WebAlgorithm {
  readonly importParams: RsaHashedImportParams | EcKeyImportParams | HmacImportParams | Algorithm;
  readonly verifyParams: AlgorithmIdentifier | RsaPssParams | EcdsaParams;
}

const rsa = (name: string, bits: number, verify: AlgorithmIdentifier | RsaPssParams): WebAlgorithm => ({
  importParams: { name, hash: `SHA-${bits}` },
  verifyParams: verify,
});
const ec = (curve: string, bits: number): WebAlgorithm => ({
  importParams: { name: 'ECDSA', namedCurve: curve },
  verifyParams: { name: 'ECDSA', hash: `SHA-${bits}` },
});
const hmac = (bits: number): WebAlgorithm => ({
  importParams: { name: 'HMAC', hash: `SHA-${bits}` },
  verifyParams: 'HMAC',
});
const ed25519: WebAlgorithm = { importParams: { name: 'Ed25519' }, verifyParams: 'Ed25519' };

const algorithms: Readonly<Record<string, WebAlgorithm>> = {
  HS256: hmac(256),
  HS384: hmac(384),
  HS512: hmac(512),
  RS256: rsa('RSASSA-PKCS1-v1_5', 256, 'RSASSA-PKCS1-v1_5'),
  RS384: rsa('RSASSA-PKCS1-v1_5', 384, 'RSASSA-PKCS1-v1_5'),
  RS512: rsa('RSASSA-PKCS1-v1_5', 512, 'RSASSA-PKCS1-v1_5'),
  PS256: rsa('RSA-PSS', 256, { name: 'RSA-PSS', saltLength: 32 }),
  PS384: rsa('RSA-PSS', 384, { name: 'RSA-PSS', saltLength: 48 }),
  PS512: rsa('RSA-PSS', 512, { name: 'RSA-PSS', saltLength: 64 }),
  ES256: ec('P-256', 256),
  ES384: ec('P-384', 384),
  ES512: ec('P-521', 512),
  EdDSA: ed25519,
  Ed25519: ed25519,
};

const minimumRsaBits = 2048;

function algorithmFor(alg: string): WebAlgorithm {
  const algorithm = algorithms[alg];
  if (algorithm === undefined) throw new Error(`${alg} is not a supported signature algorithm`);
  return algorithm;
}

/** Imports a public JWK, an SPKI (DER) key or an HMAC secret for one algorithm. Rejects weak RSA keys. */
export async function importForAlg(
  format: 'jwk' | 'spki' | 'raw',
  material: JsonWebKey | Uint8Array,
  alg: string,
): Promise<CryptoKey> {
  const { importParams } = algorithmFor(alg);
  const key =
    format === 'jwk'
      ? await crypto.subtle.importKey('jwk', material as JsonWebKey, importParams, false, ['verify'])
      : await crypto.subtle.importKey(format, material as Uint8Array<ArrayBuffer>, importParams, false, [
          'verify',
        ]);
  const modulus = (key.algorithm as { modulusLength?: number }).modulusLength;
  if (modulus !== undefined && modulus < minimumRsaBits)
    throw new Error(`RSA keys need ${minimumRsaBits} bits or more`);
  return key;
}

export function verifyWithWebCrypto(
  alg: string,
  key: CryptoKey,
  signature: Uint8Array,
  signingInput: Uint8Array,
): Promise<boolean> {
  return crypto.subtle
    .verify(
      algorithmFor(alg).verifyParams,
      key,
      signature as Uint8Array<ArrayBuffer>,
      signingInput as Uint8Array<ArrayBuffer>,
    )
    .catch(() => false);
}

/** The DER bytes of a `-----BEGIN PUBLIC KEY-----` PEM. */
export function spkiDer(pem: string): Uint8Array {
  const base64 = pem
    .replace(/-----BEGIN PUBLIC KEY-----/, '')
    .replace(/-----END PUBLIC KEY-----/, '')
    .replace(/\s+/g, '');
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
