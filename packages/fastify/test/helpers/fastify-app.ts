import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { httpSender, type Send } from '../../../../test/conformance/client.js';
import { injectSender, type Mounted } from '../../../../test/conformance/mounts.js';
import { optionsOf, registerScenario, World } from '../../../../test/conformance/scenario.js';
import { type FusionWebhookOptions, fusionWebhook } from '../../src/index.js';

export { injectSender as injector } from '../../../../test/conformance/mounts.js';

/** The FusionAuth plugin at `path` with the shared scenario's handlers (test/conformance/scenario.ts). */
export function webhook(path: string, options: FusionWebhookOptions = {}) {
  const world = new World();
  const plugin = fusionWebhook({ ...optionsOf(), ...options, path });
  registerScenario(plugin, world);
  return { plugin, world };
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
): Promise<Mounted & { send: Send }> {
  const app = Fastify();
  await setup(app);
  if (mode === 'inject') {
    await app.ready();
    return { send: injectSender(app, url), close: () => app.close() };
  }
  const base = await listenOnRandomPort(app);
  return { send: httpSender(`${base}${url}`), close: () => app.close() };
}
