import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type BodyInput, type Receiver, readStream } from '@authhooks/core';
import { nodeHandler } from '@authhooks/core/node';
import * as expressAdapter from '@authhooks/express';
import * as fastifyAdapter from '@authhooks/fastify';
import { type FusionWebhookOptions, fusionReceiver } from '@authhooks/fusionauth';
import * as honoAdapter from '@authhooks/hono';
import { serve } from '@hono/node-server';
import express5 from 'express';
import express4 from 'express4';
import Fastify, { type FastifyInstance } from 'fastify';
import { Hono } from 'hono';
import { fromRecord, headersOf, httpSender, nodeStream, type Send, webSender, webStream } from './client.js';
import type { Routes } from './scenario.js';

export const webhookPath = '/fusionauth-webhook';

export interface Mounted {
  readonly send: Send;
  /** The webhook's URL, for mounts served over HTTP. */
  readonly url?: string;
  close(): Promise<void>;
}

export interface Mount {
  readonly name: string;
  /** `in-process`: requests are handed to the handler as objects; `http`: sent over a real socket. */
  readonly transport: 'in-process' | 'http';
  /** The app-level body parser that reads the whole body before the webhook runs, if any. */
  readonly parsedBy?: string;
  /** Who writes the answer: nobody (`receive()` returns it), a Web `Response`, or Node's `ServerResponse`. */
  readonly writer: 'none' | 'web' | 'node';
  /** Mounts a webhook with `options`; `register` adds the handlers to it before the first request. */
  start(options: FusionWebhookOptions, register: (routes: Routes) => void): Promise<Mounted>;
}

/** A listening server as a mount; `close` also ends connections a stalled client left open. */
function served(server: http.Server, path = webhookPath): Mounted {
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}${path}`;
  return {
    url,
    send: httpSender(url),
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/** Listens on 127.0.0.1, on a free port. */
function listen(server: http.Server): Promise<Mounted> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(served(server))));
}

async function onHonoServer(fetch: (request: Request) => Response | Promise<Response>): Promise<Mounted> {
  const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }) as http.Server;
  if (!server.listening) await new Promise((resolve) => server.once('listening', resolve));
  return served(server);
}

async function fastifyOverHttp(app: FastifyInstance, path: string): Promise<Mounted> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}${path}`;
  return { url, send: httpSender(url), close: () => app.close() };
}

function receiveSender(receiver: Receiver): Send {
  return async (request) => {
    let body: BodyInput = request.body ?? '';
    let pulled: (() => number) | undefined;
    if (request.stream || request.stall) {
      const streamed = webStream(request);
      body = (limit, timeoutMs) => readStream(streamed.stream, limit, timeoutMs);
      pulled = streamed.pulled;
    }
    const result = await receiver.receive({
      method: request.method ?? 'POST',
      headers: headersOf(request),
      body,
    });
    return fromRecord(result.status, result.headers, result.body, pulled?.());
  };
}

/** Drives a Fastify app in-process with `inject()`. */
export function injectSender(app: FastifyInstance, url: string): Send {
  return async (request) => {
    let payload: string | Buffer | NodeJS.ReadableStream | undefined;
    let pulled: (() => number) | undefined;
    if (request.stream || request.stall) {
      const streamed = nodeStream(request);
      payload = streamed.stream;
      pulled = streamed.pulled;
    } else if (request.body !== undefined) {
      payload = typeof request.body === 'string' ? request.body : Buffer.from(request.body);
    }
    const res = await app.inject({
      method: (request.method ?? 'POST') as 'POST',
      url,
      headers: headersOf(request),
      ...(payload !== undefined && { payload }),
    });
    return fromRecord(res.statusCode, res.headers, res.body, pulled?.());
  };
}

const inProcess = { close: async () => {} };

export const receiveInProcess: Mount = {
  name: 'receiver.receive() (in-process)',
  transport: 'in-process',
  writer: 'none',
  async start(options, register) {
    const receiver = fusionReceiver(options);
    register(receiver);
    return { ...inProcess, send: receiveSender(receiver as unknown as Receiver) };
  },
};

export const fetchInProcess: Mount = {
  name: 'receiver.fetch(Request) (in-process)',
  transport: 'in-process',
  writer: 'web',
  async start(options, register) {
    const receiver = fusionReceiver(options);
    register(receiver);
    return { ...inProcess, send: webSender(receiver.fetch, `http://localhost${webhookPath}`) };
  },
};

export const honoRequest: Mount = {
  name: 'hono app.use + app.request() (in-process)',
  transport: 'in-process',
  writer: 'web',
  async start(options, register) {
    const hook = honoAdapter.fusionWebhook(options);
    register(hook);
    const app = new Hono().use(webhookPath, hook);
    return {
      ...inProcess,
      send: webSender((request) => app.request(request), `http://localhost${webhookPath}`),
    };
  },
};

export const fastifyInject: Mount = {
  name: 'fastify 5 inject() (in-process)',
  transport: 'in-process',
  writer: 'node',
  async start(options, register) {
    const plugin = fastifyAdapter.fusionWebhook({ ...options, path: webhookPath });
    register(plugin);
    const app = Fastify();
    await app.register(plugin);
    await app.ready();
    return { send: injectSender(app, webhookPath), close: () => app.close() };
  },
};

function expressMount(
  name: string,
  express: typeof express5,
  parser?: 'express.json()' | 'express.json({ verify: rawBodySaver })',
): Mount {
  return {
    name,
    transport: 'http',
    writer: 'node',
    ...(parser !== undefined && { parsedBy: parser }),
    start(options, register) {
      const hook = expressAdapter.fusionWebhook(options);
      register(hook);
      const app = express();
      // A limit far above the webhook's: the webhook's own limits are what is tested.
      if (parser === 'express.json({ verify: rawBodySaver })') {
        app.use(express.json({ verify: expressAdapter.rawBodySaver, limit: '100mb' }));
      }
      if (parser === 'express.json()') app.use(express.json({ limit: '100mb' }));
      app.use(webhookPath, hook);
      return listen(http.createServer(app));
    },
  };
}

export const express5Mount = expressMount('express 5', express5);
export const express4Mount = expressMount('express 4', express4 as unknown as typeof express5);
export const express5RawBodySaver = expressMount(
  'express 5 behind express.json({ verify: rawBodySaver })',
  express5,
  'express.json({ verify: rawBodySaver })',
);
export const express5PlainJson = expressMount('express 5 behind express.json()', express5, 'express.json()');

export const honoAll: Mount = {
  name: 'hono app.all (@hono/node-server)',
  transport: 'http',
  writer: 'web',
  start(options, register) {
    const hook = honoAdapter.fusionWebhook(options);
    register(hook);
    return onHonoServer(new Hono().all(webhookPath, hook).fetch);
  },
};

export const honoUse: Mount = {
  name: 'hono app.use (@hono/node-server)',
  transport: 'http',
  writer: 'web',
  start(options, register) {
    const hook = honoAdapter.fusionWebhook(options);
    register(hook);
    return onHonoServer(new Hono().use(webhookPath, hook).fetch);
  },
};

export const fastifyHttp: Mount = {
  name: 'fastify 5',
  transport: 'http',
  writer: 'node',
  async start(options, register) {
    const plugin = fastifyAdapter.fusionWebhook({ ...options, path: webhookPath });
    register(plugin);
    const app = Fastify();
    await app.register(plugin);
    return fastifyOverHttp(app, webhookPath);
  },
};

export const fastifyPrefix: Mount = {
  name: 'fastify 5 under register(…, { prefix })',
  transport: 'http',
  writer: 'node',
  async start(options, register) {
    const plugin = fastifyAdapter.fusionWebhook({ ...options, path: '/fusionauth' });
    register(plugin);
    const app = Fastify();
    await app.register(plugin, { prefix: '/hooks' });
    return fastifyOverHttp(app, '/hooks/fusionauth');
  },
};

export const nodeHttp: Mount = {
  name: 'node:http (nodeHandler from @authhooks/core/node)',
  transport: 'http',
  writer: 'node',
  start(options, register) {
    const receiver = fusionReceiver(options);
    register(receiver);
    return listen(http.createServer(nodeHandler(receiver)));
  },
};

export const fetchOnHonoServer: Mount = {
  name: 'receiver.fetch on @hono/node-server',
  transport: 'http',
  writer: 'web',
  start(options, register) {
    const receiver = fusionReceiver(options);
    register(receiver);
    return onHonoServer(receiver.fetch);
  },
};

/** Every way of mounting a receiver the table runs against. */
export const mounts: readonly Mount[] = [
  receiveInProcess,
  fetchInProcess,
  honoRequest,
  fastifyInject,
  express5Mount,
  express4Mount,
  express5RawBodySaver,
  express5PlainJson,
  honoAll,
  honoUse,
  fastifyHttp,
  fastifyPrefix,
  nodeHttp,
  fetchOnHonoServer,
];
