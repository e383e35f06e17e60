import {
  type FusionAuthContext,
  type FusionAuthEventMap,
  type FusionWebhookOptions,
  fusionReceiver,
} from '@authhooks/fusionauth';
import { type FastifyWebhook, type FastifyWebhookOptions, fastifyPlugin } from './plugin.js';
import { requestLogs } from './request-logger.js';

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
  // Without a logger of the user's own, authhooks logs through each request's `request.log` (pino).
  const logs = given.logger === undefined ? requestLogs() : undefined;
  const receiverOptions = logs === undefined ? given : { ...given, logger: logs.logger };
  return fastifyPlugin(fusionReceiver(receiverOptions, 'fusionWebhook()'), { path }, logs);
}
