import { basicAuthVerifier, headerValueVerifier, type Provider, type Verifier } from '@authhooks/core';
import { fusionAuthEvents } from './catalog.js';
import { verifiersFromEnvironment } from './env.js';
import { eventIdOf, locateEvent } from './envelope.js';
import type { FusionAuthEventMap } from './events/index.js';
import { createExclude } from './filters.js';
import type { FusionAuthContext, FusionAuthOptions } from './options.js';
import { signatureVerifier } from './signature/index.js';

export type FusionAuthProvider = Provider<FusionAuthEventMap, FusionAuthContext>;

const verifierKeys = ['authorization', 'headers', 'basicAuth', 'signature'] as const;

/**
 * The FusionAuth provider. With no verifier option it reads them from the environment
 * (see `environmentVariables`) and throws, naming them, when none is set.
 */
export function fusionauth(options: FusionAuthOptions = {}, caller = 'fusionauth()'): FusionAuthProvider {
  const configured = verifierKeys.some((key) => options[key] !== undefined);
  const auth =
    configured || options.allowUnauthenticated === true
      ? options
      : verifiersFromEnvironment(options.env, caller);
  const exclude = createExclude(options);
  return {
    ...fusionAuthEvents,
    verifiers: buildVerifiers(auth),
    allowUnauthenticated: options.allowUnauthenticated === true,
    locate: locateEvent,
    eventId: eventIdOf,
    ...(exclude && { exclude }),
  };
}

function buildVerifiers(options: FusionAuthOptions): Verifier[] {
  const verifiers: Verifier[] = [];
  const headerNames = Object.keys(options.headers ?? {}).map((name) => name.toLowerCase());
  const authorizationChecks =
    Number(options.authorization !== undefined) +
    Number(options.basicAuth !== undefined) +
    Number(headerNames.includes('authorization'));
  if (authorizationChecks > 1) {
    throw new TypeError(
      'authhooks: authorization, basicAuth and headers.authorization all check the one Authorization header ' +
        'FusionAuth sends; configure only the one you set in FusionAuth (Headers tab or Security tab).',
    );
  }
  if (options.authorization !== undefined) {
    verifiers.push(headerValueVerifier({ header: 'authorization', values: options.authorization }));
  }
  for (const [header, values] of Object.entries(options.headers ?? {})) {
    verifiers.push(headerValueVerifier({ header, values }));
  }
  if (options.basicAuth !== undefined) {
    verifiers.push(basicAuthVerifier({ credentials: options.basicAuth, realm: 'fusionauth-webhook' }));
  }
  if (options.signature !== undefined) verifiers.push(signatureVerifier(options.signature));
  return verifiers;
}
