import type { KeyObject } from 'node:crypto';
import { timingSafeEqual } from '@authhooks/core';
import type { ParsedJws } from './jws.js';
import type { CandidateKey } from './keys.js';
import { nodeCrypto } from './node-crypto.js';
import { verifyWithWebCrypto } from './web-crypto.js';

const hashes: Readonly<Record<string, string>> = { '256': 'sha256', '384': 'sha384', '512': 'sha512' };

/**
 * Whether `key` signed this JWS with its `alg` (the caller has already checked that the key's family
 * allows that algorithm). Synchronous with `node:crypto`; Web Crypto where it is missing.
 */
export function verifyJws(jws: ParsedJws, key: CandidateKey): boolean | Promise<boolean> {
  if (key.node !== undefined && nodeCrypto !== undefined) return verifyWithNode(jws, key.node);
  return key.resolve(jws.alg).then(
    (resolved) => verifyWithWebCrypto(jws.alg, resolved, jws.signature, jws.signingInput),
    () => false,
  );
}

function verifyWithNode(jws: ParsedJws, key: KeyObject): boolean {
  const node = nodeCrypto as NonNullable<typeof nodeCrypto>;
  const { alg, signingInput, signature } = jws;
  const hash = hashes[alg.slice(2)];
  try {
    switch (alg.slice(0, 2)) {
      case 'HS':
        return (
          hash !== undefined &&
          timingSafeEqual(signature, node.createHmac(hash, key).update(signingInput).digest())
        );
      case 'RS':
        return hash !== undefined && node.verify(hash, signingInput, key, signature);
      case 'PS':
        return (
          hash !== undefined &&
          node.verify(
            hash,
            signingInput,
            {
              key,
              padding: node.constants.RSA_PKCS1_PSS_PADDING,
              saltLength: node.constants.RSA_PSS_SALTLEN_DIGEST,
            },
            signature,
          )
        );
      case 'ES':
        return (
          hash !== undefined && node.verify(hash, signingInput, { key, dsaEncoding: 'ieee-p1363' }, signature)
        );
      default:
        return node.verify(null, signingInput, key, signature);
    }
  } catch {
    return false;
  }
}
