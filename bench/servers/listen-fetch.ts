import type http from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { type Listening, listenNode } from './serve-child.js';

/** Serves a Web-standard fetch handler on node:http through @hono/node-server. */
export function listenFetch(fetch: (request: Request) => Response | Promise<Response>): Promise<Listening> {
  // Without http2/https options the adaptor builds a plain node:http server.
  return listenNode(createAdaptorServer({ fetch }) as http.Server);
}
