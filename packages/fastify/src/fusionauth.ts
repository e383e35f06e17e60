import {
  type FusionAuthContext,
  type FusionAuthEventMap,
  type FusionWebhookOptions,
  fusionReceiver,
} from '@authhooks/fusionauth';
import { type FastifyWebhook, type FastifyWebhookOptions, fastifyPlugin } from './plugin.js';

/**
 * FusionAuth webhook plugin for Fastify: the FusionAuth provider options, the receiver options and `path`.
 * @example
 * await app.register(
 *   fusionWebhook({ path: '/fusionauth-webhook' }) // reads FUSIONAUTH_WEBHOOK_AUTHORIZATION, or pass authorization
 *     .on('user.delete', async (event, ctx) => deleteUserData(event.user.id, { signal: ctx.signal })),
 * );
 */
export function fusionWebhook(
  options: FusionWebhookOptions & FastifyWebhookOptions,
): FastifyWebhook<FusionAuthEventMap, FusionAuthContext> {
  const { path, ...given } = options ?? {};
  // Without a logger of the user's own, each delivery logs through its request's `request.log` (pino).
  return fastifyPlugin(fusionReceiver(given, 'fusionWebhook()'), {
    path,
    requestLog: given.logger === undefined,
  });
}
