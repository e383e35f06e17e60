import type { JsonWebKey } from 'node:crypto';

/** The signature algorithms the signature section measures, as FusionAuth names them in the JWT header. */
export type SignatureAlg = 'HS256' | 'RS256' | 'ES256' | 'EdDSA';

/** What a server child is told, through the environment, by the parent that starts it. */
export interface ServerConfig {
  readonly authorization: string;
  readonly signature?: {
    readonly alg: SignatureAlg;
    readonly kid: string;
    /** HS256: the shared secret. */
    readonly hmacSecret?: string;
    /** RS256, ES256, EdDSA: the public key, as a JWK carrying `kid`. */
    readonly publicJwk?: JsonWebKey & { kid: string };
  };
  /** @octokit/webhooks: the webhook secret. */
  readonly octokitSecret?: string;
  /** The queue section's candidates: the Redis the section started and a queue name of their own. */
  readonly queue?: {
    readonly redisUrl: string;
    /** Set for the candidates whose jobs go to PostgreSQL (BullMQ's PostgreSQL backend) instead. */
    readonly postgresUrl?: string;
    readonly name: string;
    /** Inline candidates: how long the handler awaits (a database or API call), 0 for none. */
    readonly handlerDelayMs?: number;
  };
}

const variable = 'AUTHHOOKS_BENCH_SERVER_CONFIG';

export function serverConfigEnv(config: ServerConfig): Record<string, string> {
  return { [variable]: JSON.stringify(config) };
}

export function readServerConfig(): ServerConfig {
  const raw = process.env[variable];
  if (raw === undefined)
    throw new Error(`${variable} is not set: server children are started by bench/run.ts`);
  return JSON.parse(raw) as ServerConfig;
}
