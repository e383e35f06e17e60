import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JWK } from 'jose';

/** A local JWKS endpoint whose key set a test can swap, count hits on, and take down. */
export async function startJwksServer(initial: JWK[] = []) {
  let keys = initial;
  let down = false;
  let hits = 0;
  let override: ((req: http.IncomingMessage, res: http.ServerResponse) => void) | undefined;
  const paths: string[] = [];
  const server = http.createServer((req, res) => {
    hits++;
    paths.push(req.url ?? '');
    if (override !== undefined) return override(req, res);
    if (down) {
      res.writeHead(503).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    get hits() {
      return hits;
    },
    setKeys(next: JWK[]) {
      keys = next;
    },
    setDown(value: boolean) {
      down = value;
    },
    /** Answers every request with `answer` instead (a redirect, a huge body); undefined restores the set. */
    answerWith(answer: ((req: http.IncomingMessage, res: http.ServerResponse) => void) | undefined) {
      override = answer;
    },
    /** The path of every request, in order. */
    paths,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
