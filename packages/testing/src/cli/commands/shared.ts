import { closestName } from '@authhooks/core';
import { fusionAuthEventTypes } from '@authhooks/fusionauth';
import { calculateJwkThumbprint } from 'jose';
import { canonicalFusionAuthType } from '../../samples/fusionauth.js';
import { isSigningAlgorithm, type SigningAlgorithm, signingAlgorithms } from '../../sign/algorithms.js';
import type { FusionAuthSigningKey } from '../../sign/signing-key.js';
import { jwkOfPem } from '../../sign/signing-key.js';
import { type Invocation, UsageError } from '../command.js';
import type { Style } from '../io.js';
import { fileOption, oneOf, stringOption } from '../values.js';

/** A FusionAuth type as typed on the command line (aliases allowed), or a usage error naming the closest. */
export function fusionAuthTypeArgument(text: string): (typeof fusionAuthEventTypes)[number] {
  const type = canonicalFusionAuthType(text);
  if (type !== undefined) return type;
  const hint = closestName(text, fusionAuthEventTypes);
  throw new UsageError(
    `unknown FusionAuth event type "${text}"${hint === undefined ? '' : `; did you mean ${hint}?`} ` +
      '(`authhooks samples` lists them)',
  );
}

export function algorithmOption(invocation: Invocation): SigningAlgorithm | undefined {
  const alg = stringOption(invocation, 'alg');
  return alg === undefined ? undefined : oneOf('alg', alg, signingAlgorithms);
}

/** The key of `--hmac-secret` or `--private-key` (+ `--kid`, `--alg`), if one was given. */
export async function signingKeyOptions(invocation: Invocation): Promise<FusionAuthSigningKey | undefined> {
  const secret = stringOption(invocation, 'hmac-secret');
  const pem = await fileOption(invocation, 'private-key');
  const kid = stringOption(invocation, 'kid');
  const alg = algorithmOption(invocation);
  if (secret !== undefined && pem !== undefined) {
    throw new UsageError('give --hmac-secret or --private-key, not both (a webhook has one signing key)');
  }
  if (secret === undefined && pem === undefined) {
    if (kid !== undefined || alg !== undefined) {
      throw new UsageError('--kid and --alg describe a signing key: add --hmac-secret or --private-key');
    }
    return undefined;
  }
  if (secret !== undefined) {
    if (alg !== undefined && !alg.startsWith('HS'))
      throw new UsageError(`an HMAC secret signs HS256/384/512, not ${alg}`);
    return {
      hmacSecret: secret,
      ...(alg !== undefined && { alg: alg as 'HS256' }),
      ...(kid !== undefined && { kid }),
    };
  }
  if (alg !== undefined && (alg.startsWith('HS') || !isSigningAlgorithm(alg))) {
    throw new UsageError(`a private key signs RS*, PS*, ES*, Ed25519 or EdDSA, not ${alg}`);
  }
  return {
    privateKey: pem as string,
    ...(alg !== undefined && { alg: alg as 'RS256' }),
    kid: kid ?? (await thumbprintOf(pem as string)),
  };
}

/** The default `kid` of a PEM key on the command line: its JWK thumbprint, the same in `send` and `jwks`. */
export async function thumbprintOf(pem: string): Promise<string> {
  return calculateJwkThumbprint(jwkOfPem(pem, true));
}

export function formatMs(ms: number): string {
  return `${Math.round(ms)} ms`;
}

export function statusText(status: number | undefined, error: string | undefined, style: Style): string {
  if (status === undefined) return style.red(error ?? 'no answer');
  const text = String(status);
  return status >= 200 && status <= 299 ? style.green(text) : style.red(text);
}
