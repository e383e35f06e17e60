import type { EventMap, Receiver, Routed } from '@authhooks/core';
import { withRoutes } from '@authhooks/core';
import type {
  FastifyError,
  FastifyInstance,
  FastifyPluginAsync,
  FastifyReply,
  FastifyRequest,
} from 'fastify';
import fp from 'fastify-plugin';
import { answer } from './answer.js';

export interface FastifyWebhookOptions {
  /** The route, relative to the `prefix` the plugin is registered with: `'/fusionauth-webhook'`, or `'/'`. */
  readonly path: string;
}

interface PluginSettings extends FastifyWebhookOptions {
  /** Log each delivery through its request's `request.log` (when the user gave the receiver no logger). */
  readonly requestLog?: boolean;
}

/** A Fastify plugin with `.on/.onAny/.onError/.off` (chainable) and `.receiver`. */
export type FastifyWebhook<TMap extends EventMap, TExtra extends object> = Routed<
  FastifyPluginAsync,
  TMap,
  TExtra
>;

/** Fastify refuses these before any handler runs; the receiver must decide them like everywhere else. */
const decidedByCore: ReadonlySet<string> = new Set([
  'FST_ERR_CTP_INVALID_MEDIA_TYPE',
  'FST_ERR_ROUTE_MISSING_CONTENT_TYPE',
]);

/**
 * Fastify plugin for any receiver: one route for every method at `path` (others answer `405`).
 * The plugin is encapsulated: its catch-all content-type parser, which leaves the body unread for the
 * receiver, applies to the webhook route only; the app's own JSON routes keep their parsers.
 * @example
 * await app.register(fastifyPlugin(receiver, { path: '/fusionauth-webhook' }).on('user.delete', forget));
 * await app.register(fastifyPlugin(receiver, { path: '/' }), { prefix: '/fusionauth-webhook' });
 */
export function fastifyPlugin<TMap extends EventMap, TExtra extends object>(
  receiver: Receiver<TMap, TExtra>,
  options: PluginSettings,
): FastifyWebhook<TMap, TExtra> {
  const path = checkPath(options?.path);
  const requestLog = options.requestLog === true;
  const respond = (request: FastifyRequest, reply: FastifyReply) =>
    answer(receiver, request, reply, requestLog);
  const authhooksWebhook = async (instance: FastifyInstance) => {
    instance.removeAllContentTypeParsers();
    instance.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
    instance.setErrorHandler(async (error: FastifyError, request, reply) => {
      if (error.code !== undefined && decidedByCore.has(error.code)) return respond(request, reply);
      throw error;
    });
    instance.route({
      method: instance.supportedMethods,
      url: path,
      // The receiver enforces it while reading; stated here so the route's options agree with it.
      bodyLimit: receiver.maxBodyBytes,
      handler: respond,
    });
  };
  // encapsulate: true keeps the parser inside (no skip-override) and lets `prefix` apply.
  return withRoutes(fp(authhooksWebhook, { fastify: '5.x', encapsulate: true }), receiver);
}

function checkPath(path: unknown): string {
  if (typeof path !== 'string' || !path.startsWith('/')) {
    throw new TypeError(
      "authhooks: the Fastify plugin needs a path starting with '/', e.g. { path: '/fusionauth-webhook' } " +
        "(or { path: '/' } with register's prefix option).",
    );
  }
  return path;
}
