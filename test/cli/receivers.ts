import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Receiver } from '@authhooks/core';
import { nodeHandler } from '@authhooks/core/node';

export interface Running {
  readonly url: string;
  close(): Promise<void>;
}

/** A receiver behind a real node:http server on 127.0.0.1. */
// biome-ignore lint/suspicious/noExplicitAny: any provider's receiver
export async function listen(receiver: Receiver<any, any>): Promise<Running> {
  const server = http.createServer(nodeHandler(receiver));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
