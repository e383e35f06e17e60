// The adapters of test/helpers/adapters.ts, for a child process that runs without a TypeScript loader
// (plain node over the built packages): each serves several webhooks, one per path, on 127.0.0.1.
import http from 'node:http';
import { nodeHandler } from '@authhooks/core/node';
import * as expressAdapter from '@authhooks/express';
import * as fastifyAdapter from '@authhooks/fastify';
import { fusionReceiver } from '@authhooks/fusionauth';
import * as honoAdapter from '@authhooks/hono';
import { serve } from '@hono/node-server';
import express5 from 'express';
import express4 from 'express4';
import Fastify from 'fastify';
import { Hono } from 'hono';

const listen = (server) =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));

const notFound = (res) => {
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end('{"route":"none"}');
};

const expressWith = (express, preParse) => async (mounts) => {
  const app = express();
  if (preParse) app.use(express.json({ verify: expressAdapter.rawBodySaver, limit: '100mb' }));
  for (const { path, options, register } of mounts) {
    const hook = expressAdapter.fusionWebhook(options);
    register(hook);
    app.use(path, hook);
  }
  return listen(http.createServer(app));
};

/** name → start(mounts) → port. Names match the mounts of test/conformance/mounts.ts (test/helpers/adapters.ts). */
export const adapters = {
  'express 5': expressWith(express5, false),
  'express 4': expressWith(express4, false),
  'express 5 behind express.json({ verify: rawBodySaver })': expressWith(express5, true),
  async 'hono app.all (@hono/node-server)'(mounts) {
    const app = new Hono();
    for (const { path, options, register } of mounts) {
      const hook = honoAdapter.fusionWebhook(options);
      register(hook);
      app.all(path, hook);
    }
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    return server.address().port;
  },
  async 'fastify 5'(mounts) {
    const app = Fastify();
    for (const { path, options, register } of mounts) {
      const plugin = fastifyAdapter.fusionWebhook({ ...options, path });
      register(plugin);
      await app.register(plugin);
    }
    await app.listen({ host: '127.0.0.1', port: 0 });
    return app.server.address().port;
  },
  async 'node:http (nodeHandler from @authhooks/core/node)'(mounts) {
    const handlers = new Map();
    for (const { path, options, register } of mounts) {
      const receiver = fusionReceiver(options);
      register(receiver);
      handlers.set(path, nodeHandler(receiver));
    }
    return listen(http.createServer((req, res) => (handlers.get(req.url) ?? notFound)(req, res)));
  },
  async 'receiver.fetch on @hono/node-server'(mounts) {
    const receivers = new Map();
    for (const { path, options, register } of mounts) {
      const receiver = fusionReceiver(options);
      register(receiver);
      receivers.set(path, receiver);
    }
    const fetch = (request) => {
      const receiver = receivers.get(new URL(request.url).pathname);
      return receiver ? receiver.fetch(request) : new Response('{"route":"none"}', { status: 404 });
    };
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    return server.address().port;
  },
};
