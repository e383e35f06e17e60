import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Mounted } from '../../../../test/adapter-kit/outcome-table.js';
import { fetchSender, parseOrText, type Send } from '../../../../test/adapter-kit/requests.js';

/** Drives a Fastify app in-process with `inject()`. */
export function injector(app: FastifyInstance, url: string): Send {
  return async (request) => {
    const res = await app.inject({
      method: (request.method ?? 'POST') as 'POST',
      url,
      headers: request.headers ?? {},
      ...(request.body !== undefined && { payload: request.body }),
    });
    return {
      status: res.statusCode,
      header: (name) => {
        const value = res.headers[name.toLowerCase()];
        return value === undefined ? undefined : String(value);
      },
      text: res.body,
      json: parseOrText(res.body),
    };
  };
}

export async function listenOnRandomPort(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

/** Builds an app with `setup`, then serves it in-process or over real HTTP. */
export async function mounted(
  mode: 'inject' | 'http',
  url: string,
  setup: (app: FastifyInstance) => PromiseLike<unknown>,
): Promise<Mounted> {
  const app = Fastify();
  await setup(app);
  if (mode === 'inject') {
    await app.ready();
    return { send: injector(app, url), close: () => app.close() };
  }
  const base = await listenOnRandomPort(app);
  return { send: fetchSender(() => `${base}${url}`), close: () => app.close() };
}
