import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the JWKS endpoint behaves, switchable while a test runs. */
export type JwksMode =
  | 'up'
  | 'reset'
  | 'http-500'
  | 'slow'
  | 'not-json'
  | 'keys-not-an-array'
  | 'unknown-key-types'
  /** 302 to a plain-http URL on another host (127.0.0.2), as an attacker who controls the JWKS host would. */
  | 'redirect-to-http'
  /** A valid set padded past the default jwksMaxBytes (512 KiB). */
  | 'too-large';

export interface JwksServer {
  readonly url: string;
  mode: JwksMode;
  /** Requests received so far. */
  readonly hits: number;
  /** Replaces the keys served from now on (a rotation). */
  setKeys(keys: object[]): void;
  close(): Promise<void>;
}

const answers: Partial<Record<JwksMode, (keys: object[]) => [number, string]>> = {
  up: (keys) => [200, JSON.stringify({ keys })],
  'http-500': () => [500, '{"error":"internal"}'],
  'not-json': () => [200, '<html>Service Unavailable</html>'],
  'keys-not-an-array': () => [200, '{"keys":"x"}'],
  'too-large': (keys) => [200, JSON.stringify({ keys, padding: 'x'.repeat(600 * 1024) })],
  'unknown-key-types': () => [
    200,
    JSON.stringify({
      keys: [
        { kty: 'XYZ', kid: 'jwks-key', n: 'AQAB' },
        { kty: 'oct', kid: 'jwks-key', k: 'c2VjcmV0' },
        { kty: 'RSA', kid: 'jwks-key', n: 'AQAB', e: 'AQAB' },
      ],
    }),
  ],
};

/** A real JWKS endpoint on 127.0.0.1 serving `keys`; `slowMs` is how long 'slow' waits before answering. */
export async function jwksServer(keys: object[], slowMs = 3_000): Promise<JwksServer> {
  let served = keys;
  let hits = 0;
  const timers = new Set<NodeJS.Timeout>();
  const state = { mode: 'up' as JwksMode };
  const server = http.createServer((req, res) => {
    hits++;
    if (state.mode === 'reset') return void req.socket.destroy();
    if (state.mode === 'redirect-to-http') {
      return void res.writeHead(302, { location: 'http://127.0.0.2:9/evil.json' }).end();
    }
    const respond = () => {
      const [status, body] = (answers[state.mode] ?? (answers.up as NonNullable<(typeof answers)['up']>))(
        served,
      );
      res.writeHead(status, { 'content-type': 'application/json' }).end(body);
    };
    if (state.mode !== 'slow') return respond();
    const timer = setTimeout(() => {
      timers.delete(timer);
      respond();
    }, slowMs);
    timers.add(timer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    get mode() {
      return state.mode;
    },
    set mode(mode) {
      state.mode = mode;
    },
    get hits() {
      return hits;
    },
    setKeys(next) {
      served = next;
    },
    close: () =>
      new Promise((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A URL on 127.0.0.1 where nothing listens (connection refused). */
export async function deadUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/.well-known/jwks.json`;
}
