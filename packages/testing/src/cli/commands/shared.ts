import { closestName } from '@authhooks/core';
import { fusionAuthEventTypes } from '@authhooks/fusionauth';
import { calculateJwkThumbprint } from 'jose';
import { canonicalFusionAuthType } from '../../samples/fusionauth.js';
import { isSigningAlgorithm, type SigningAlgorithm, signingAlgorithms } from '../../sign/algorithms.js';
import type { FusionAuthSigningKey } from '../../sign/signing-key.js';
import { jwkOfPem } from '../../sign/signing-key.js';
import { type Invocation, UsageError } from '../command.js';
import type { CliIo, Style } from '../io.js';
import { type SecretSource, secretOption } from '../secrets.js';
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

/** FusionAuth's webhook secrets on the command line, with the variables the receivers read. */
export const authorizationSecret: SecretSource = {
  name: 'authorization',
  env: 'FUSIONAUTH_WEBHOOK_AUTHORIZATION',
};
export const basicSecret: SecretSource = { name: 'basic' };
export const hmacSecret: SecretSource = { name: 'hmac-secret', env: 'FUSIONAUTH_WEBHOOK_HMAC_SECRET' };

/**
 * `--basic` or its file, else `FUSIONAUTH_WEBHOOK_BASIC_USERNAME` and `_PASSWORD` (both, as the
 * receivers read them): `user:password`.
 */
export async function basicCredentials(invocation: Invocation, io: CliIo): Promise<string | undefined> {
  const given = await secretOption(invocation, io, basicSecret);
  if (given !== undefined) return given;
  const username = io.env.FUSIONAUTH_WEBHOOK_BASIC_USERNAME;
  const password = io.env.FUSIONAUTH_WEBHOOK_BASIC_PASSWORD;
  return username && password ? `${username}:${password}` : undefined;
}

/** The key of `--hmac-secret` or `--private-key` (+ `--kid`, `--alg`), if one was given. */
export async function signingKeyOptions(
  invocation: Invocation,
  io: CliIo,
): Promise<FusionAuthSigningKey | undefined> {
  const pemGiven = stringOption(invocation, 'private-key') !== undefined;
  // The environment's HMAC secret is a default: a --private-key on the command line wins over it.
  const secret = pemGiven
    ? stringOption(invocation, 'hmac-secret')
    : await secretOption(invocation, io, hmacSecret);
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
