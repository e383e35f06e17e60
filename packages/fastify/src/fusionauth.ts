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
 *   fusionWebhook({ authorization: process.env.FUSIONAUTH_WEBHOOK_AUTHORIZATION, path: '/fusionauth-webhook' })
 *     .on('user.delete', async (event, ctx) => deleteUserData(event.user.id, { signal: ctx.signal })),
 * );
 */
export function fusionWebhook(
  options: FusionWebhookOptions & FastifyWebhookOptions,
): FastifyWebhook<FusionAuthEventMap, FusionAuthContext> {
  const { path, ...receiverOptions } = options ?? {};
  return fastifyPlugin(fusionReceiver(receiverOptions, 'fusionWebhook()'), { path });
}
