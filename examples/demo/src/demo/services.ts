import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { MailingList } from '../handlers.js';

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves `server` on 127.0.0.1 at a free port. */
export async function serve(server: http.Server, path = '/'): Promise<RunningServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject).listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export type Trouble = 'down' | 'slow';

export interface OtherService extends RunningServer {
  /** Makes the next request (only) fail: `down` answers 503, `slow` answers after `slowMs`. */
  troubleNext(trouble: Trouble): void;
}

/**
 * Another FusionAuth webhook of the same tenant (an audit log, a CRM…): it records each event and answers
 * 200 `{"outcome":"recorded"}`, unless told to be down or slow for one request.
 */
export function startOtherService(name: string, { slowMs = 1500 } = {}): Promise<OtherService> {
  let trouble: Trouble | undefined;
  const server = http.createServer((req, res) => {
    const now = trouble;
    trouble = undefined;
    req.resume().on('end', async () => {
      if (now === 'down') return answer(res, 503, { error: `${name} is under maintenance` });
      if (now === 'slow') await sleep(slowMs, undefined, { ref: false });
      answer(res, 200, { outcome: 'recorded' });
    });
  });
  return serve(server).then((running) => ({
    ...running,
    troubleNext: (next: Trouble) => {
      trouble = next;
    },
  }));
}

function answer(res: http.ServerResponse, status: number, body: object) {
  if (res.destroyed) return; // the caller gave up waiting
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** The newsletter's mailing list, answering in a few milliseconds unless told to hang once. */
export function demoMailingList(): MailingList & { hangNext(): void } {
  let hang = false;
  return {
    hangNext() {
      hang = true;
    },
    async changeEmail(_userId, _email, { signal }) {
      const delayMs = hang ? 10_000 : 5;
      hang = false;
      await sleep(delayMs, undefined, { signal });
    },
  };
}
