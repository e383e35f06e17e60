import {
  type LogtoContext,
  type LogtoEventMap,
  type LogtoWebhookOptions,
  logtoReceiver,
} from '@authhooks/logto';
import { type FastifyWebhook, type FastifyWebhookOptions, fastifyPlugin } from './plugin.js';

/**
 * Logto webhook plugin for Fastify. Logto neither retries nor rolls back: keep handlers fast.
 * @example
 * await app.register(
 *   logtoWebhook({ signingKey: process.env.LOGTO_WEBHOOK_SIGNING_KEY, path: '/logto-webhook' })
 *     .on('User.Deleted', async (event) => deleteUserData(event.data?.id)),
 * );
 */
export function logtoWebhook(
  options: LogtoWebhookOptions & FastifyWebhookOptions,
): FastifyWebhook<LogtoEventMap, LogtoContext> {
  const { path, ...receiverOptions } = options ?? {};
  return fastifyPlugin(logtoReceiver(receiverOptions), { path });
}
