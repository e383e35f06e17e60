import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Listening } from './serve-child.js';

export async function listenFastify(app: FastifyInstance): Promise<Listening> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { port: (app.server.address() as AddressInfo).port, close: () => app.close() };
}
