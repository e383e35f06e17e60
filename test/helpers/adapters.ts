import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookRoutes } from '@authhooks/core';
import { nodeHandler } from '@authhooks/core/node';
import * as expressAdapter from '@authhooks/express';
import * as fastifyAdapter from '@authhooks/fastify';
import {
  type FusionAuthContext,
  type FusionAuthEventMap,
  type FusionWebhookOptions,
  fusionReceiver,
} from '@authhooks/fusionauth';
import * as honoAdapter from '@authhooks/hono';
import { serve } from '@hono/node-server';
import express5 from 'express';
import express4 from 'express4';
import Fastify from 'fastify';
import { Hono } from 'hono';

export const webhookPath = '/fusionauth-webhook';

/** What a test registers handlers on: the same `.on/.onAny/.onError` surface in every adapter. */
export interface Routes extends WebhookRoutes<FusionAuthEventMap, FusionAuthContext, Routes> {}

export interface Running {
  readonly url: string;
  close(): Promise<void>;
}

export interface Adapter {
  readonly name: string;
  /** False when an app-level JSON parser reads the body first: its own limits and errors answer then. */
  readonly readsBody: boolean;
  start(options: FusionWebhookOptions, register: (routes: Routes) => void): Promise<Running>;
}

function listen(server: http.Server): Promise<Running> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}${webhookPath}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

const expressWith = (
  name: string,
  express: typeof express5,
  preParse?: 'json-raw-saver' | 'json',
): Adapter => ({
  name,
  readsBody: preParse === undefined,
  async start(options, register) {
    const hook = expressAdapter.fusionWebhook(options);
    register(hook);
    const app = express();
    if (preParse === 'json-raw-saver')
      app.use(express.json({ verify: expressAdapter.rawBodySaver, limit: '100mb' }));
    if (preParse === 'json') app.use(express.json({ limit: '100mb' }));
    app.use(webhookPath, hook);
    return listen(http.createServer(app));
  },
});

export const adapters: readonly Adapter[] = [
  expressWith('express 5', express5),
  expressWith('express 4', express4 as unknown as typeof express5),
  expressWith('express 5 behind express.json({ verify: rawBodySaver })', express5, 'json-raw-saver'),
  {
    name: 'hono (@hono/node-server)',
    readsBody: true,
    async start(options, register) {
      const hook = honoAdapter.fusionWebhook(options);
      register(hook);
      const app = new Hono();
      app.all(webhookPath, hook);
      const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as http.Server;
      await new Promise((resolve) => server.once('listening', resolve));
      const { port } = server.address() as AddressInfo;
      return {
        url: `http://127.0.0.1:${port}${webhookPath}`,
        close: () => new Promise((done) => server.close(() => done())),
      };
    },
  },
  {
    name: 'fastify',
    readsBody: true,
    async start(options, register) {
      const plugin = fastifyAdapter.fusionWebhook({ ...options, path: webhookPath });
      register(plugin);
      const app = Fastify();
      await app.register(plugin);
      await app.listen({ host: '127.0.0.1', port: 0 });
      const { port } = app.server.address() as AddressInfo;
      return { url: `http://127.0.0.1:${port}${webhookPath}`, close: () => app.close() };
    },
  },
  {
    name: 'node:http (@authhooks/core/node)',
    readsBody: true,
    async start(options, register) {
      const receiver = fusionReceiver(options);
      register(receiver);
      return listen(http.createServer(nodeHandler(receiver)));
    },
  },
  {
    name: 'receiver.fetch (Web Request/Response)',
    readsBody: true,
    async start(options, register) {
      const receiver = fusionReceiver(options);
      register(receiver);
      const server = serve({ fetch: receiver.fetch, port: 0, hostname: '127.0.0.1' }) as http.Server;
      await new Promise((resolve) => server.once('listening', resolve));
      const { port } = server.address() as AddressInfo;
      return {
        url: `http://127.0.0.1:${port}${webhookPath}`,
        close: () => new Promise((done) => server.close(() => done())),
      };
    },
  },
];

/** Only Express can be mounted behind a parser that drains the stream; this case is Express's alone. */
export const expressBehindPlainJson = expressWith('express 5 behind express.json()', express5, 'json');
