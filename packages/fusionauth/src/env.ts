import type { FusionAuthOptions } from './options.js';

export const environmentVariables = [
  'FUSIONAUTH_WEBHOOK_AUTHORIZATION',
  'FUSIONAUTH_WEBHOOK_BASIC_USERNAME',
  'FUSIONAUTH_WEBHOOK_BASIC_PASSWORD',
  'FUSIONAUTH_WEBHOOK_HMAC_SECRET',
  'FUSIONAUTH_JWKS_URL',
] as const;

type Env = Readonly<Record<string, string | undefined>>;

function processEnv(): Env {
  return (globalThis as { process?: { env?: Env } }).process?.env ?? {};
}

/** Several values in one variable are comma-separated (a rotation: `old,new`). */
function list(value: string | undefined): string[] | undefined {
  const items = value
    ?.split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  return items && items.length > 0 ? items : undefined;
}

/**
 * Zero-config: the verifiers come from the environment; refuses to start, naming the variables, when none is set.
 * `caller` is the function the user called (`fusionWebhook()`, `fusionReceiver()`), for the message.
 */
export function verifiersFromEnvironment(
  env: Env = processEnv(),
  caller = 'fusionauth()',
): FusionAuthOptions {
  const authorization = list(env.FUSIONAUTH_WEBHOOK_AUTHORIZATION);
  const username = env.FUSIONAUTH_WEBHOOK_BASIC_USERNAME?.trim();
  const password = env.FUSIONAUTH_WEBHOOK_BASIC_PASSWORD;
  const hmacSecret = list(env.FUSIONAUTH_WEBHOOK_HMAC_SECRET);
  const jwksUrl = env.FUSIONAUTH_JWKS_URL?.trim() || undefined;

  if (Boolean(username) !== Boolean(password)) {
    throw new TypeError(
      'authhooks: set both FUSIONAUTH_WEBHOOK_BASIC_USERNAME and FUSIONAUTH_WEBHOOK_BASIC_PASSWORD, or neither.',
    );
  }
  const options: { -readonly [K in keyof FusionAuthOptions]: FusionAuthOptions[K] } = {};
  if (authorization) options.authorization = authorization;
  if (username && password) options.basicAuth = { username, password };
  if (hmacSecret || jwksUrl) {
    options.signature = { ...(hmacSecret && { hmacSecret }), ...(jwksUrl && { jwksUrl }) };
  }
  if (Object.keys(options).length === 0) {
    throw new TypeError(
      `authhooks: ${caller} has no way to check that requests come from FusionAuth. Pass authorization, ` +
        `basicAuth, headers or signature, or set one of ${environmentVariables.join(', ')} ` +
        '(pass allowUnauthenticated: true only for local experiments).',
    );
  }
  return options;
}
