import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JWK } from 'jose';
import { defaultAlgorithmOfJwk } from './algorithms.js';
import type { TestKey } from './keys.js';
import { jwkOfPem } from './signing-key.js';

/** A key a JWKS lists: a test key pair, a public (or private: only its public half is served) JWK or PEM. */
export type JwksKey = TestKey | JWK | string;

export interface JwksServer {
  /** `http://127.0.0.1:<port>/.well-known/jwks.json`, for `fusionReceiver({ signature: { jwksUrl } })`. */
  readonly url: string;
  readonly port: number;
  /** The public JWKs served. */
  readonly keys: readonly JWK[];
  close(): Promise<void>;
}

export const jwksPath = '/.well-known/jwks.json';

const privateMembers = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;

/** The public JWK a JWKS lists for `key`, with `kid`, `alg` and `use: 'sig'` as FusionAuth lists its keys. */
export function publicJwkOf(key: JwksKey): JWK {
  if (typeof key === 'string') return withDefaults(jwkOfPem(key, true));
  if ('hmacSecret' in key) {
    throw new TypeError(
      'authhooks: an HMAC key has no public half and is never listed in a JWKS; receivers take it as ' +
        'signature.hmacSecret.',
    );
  }
  if ('publicJwk' in key) return key.publicJwk;
  const jwk: JWK = { ...key };
  for (const member of privateMembers) delete jwk[member];
  if (jwk.kty === 'oct') {
    throw new TypeError('authhooks: a symmetric (oct) JWK is never listed in a JWKS.');
  }
  return withDefaults(jwk);
}

function withDefaults(jwk: JWK): JWK {
  const alg = jwk.alg ?? defaultAlgorithmOfJwk(jwk);
  return { ...jwk, ...(alg !== undefined && { alg }), use: jwk.use ?? 'sig' };
}

/**
 * Serves the public halves of `keys` as FusionAuth's `/.well-known/jwks.json` does, on 127.0.0.1
 * (port 0: a free one, unless `port` is given), until `close()`.
 */
export async function serveJwks(
  keys: JwksKey | readonly JwksKey[],
  options: { readonly port?: number; readonly host?: string } = {},
): Promise<JwksServer> {
  const list = (Array.isArray(keys) ? keys : [keys]) as readonly JwksKey[];
  const jwks = list.map(publicJwkOf);
  const body = JSON.stringify({ keys: jwks });
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== jwksPath) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}${jwksPath}`,
    port,
    keys: jwks,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
