import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

export interface Listening {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves a Hono app with @hono/node-server on 127.0.0.1 and a random free port. */
// biome-ignore lint/suspicious/noExplicitAny: any app, whatever its Env
export function listen(app: Hono<any, any, any>): Promise<Listening> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
  });
}
