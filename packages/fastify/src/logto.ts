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
 *   logtoWebhook({ path: '/logto-webhook' }) // reads LOGTO_WEBHOOK_SIGNING_KEY, or pass signingKey
 *     .on('User.Deleted', async (event) => deleteUserData(event.data?.id)),
 * );
 */
export function logtoWebhook(
  options: LogtoWebhookOptions & FastifyWebhookOptions,
): FastifyWebhook<LogtoEventMap, LogtoContext> {
  const { path, ...given } = options ?? {};
  // Without a logger of the user's own, each delivery logs through its request's `request.log` (pino).
  return fastifyPlugin(logtoReceiver(given), { path, requestLog: given.logger === undefined });
}
