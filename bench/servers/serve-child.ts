import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readServerConfig, type ServerConfig } from '../lib/server-config.js';
import { handledCount } from '../lib/touch.js';

export interface Listening {
  readonly port: number;
  close(): Promise<void>;
  /** How many deliveries were handled, where the handler count is not it (queued jobs are counted in Redis). */
  handled?(): Promise<number>;
}

/** Messages between the parent (load generator) and a server child. */
export type ServerMessage =
  | { type: 'listening'; port: number }
  | { type: 'stopped'; handled: number }
  /** The monotonic clock in µs, the clock V8's CPU profiles are stamped with. */
  | { type: 'mark'; atUs: number };

/**
 * The child side of a server candidate: starts it on 127.0.0.1, tells the parent the port, and on
 * "stop" closes it, reports how many handler calls ran, and exits (so `--cpu-prof` writes its profile).
 */
export async function serveChild(start: (config: ServerConfig) => Promise<Listening>): Promise<void> {
  const listening = await start(readServerConfig());
  process.on('message', (message) => {
    if (message === 'mark') {
      const mark: ServerMessage = { type: 'mark', atUs: Number(process.hrtime.bigint() / 1000n) };
      process.send?.(mark);
      return;
    }
    if (message !== 'stop') return;
    void stop(listening);
  });
  process.on('disconnect', () => process.exit(0));
  const ready: ServerMessage = { type: 'listening', port: listening.port };
  process.send?.(ready);
}

async function stop(listening: Listening): Promise<void> {
  if (listening.handled === undefined) {
    const stopped: ServerMessage = { type: 'stopped', handled: handledCount() };
    process.send?.(stopped, () => process.exit(0));
    void listening.close();
    return;
  }
  const handled = await listening.handled();
  await listening.close();
  const stopped: ServerMessage = { type: 'stopped', handled };
  process.send?.(stopped, () => process.exit(0));
}

/** Listens on a free port of 127.0.0.1. */
export function listenNode(server: http.Server): Promise<Listening> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
