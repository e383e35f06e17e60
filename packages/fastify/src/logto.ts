import {
  type LogtoContext,
  type LogtoEventMap,
  type LogtoWebhookOptions,
  logtoReceiver,
} from '@authhooks/logto';
import { type FastifyWebhook, type FastifyWebhookOptions, fastifyPlugin } from './plugin.js';
import { requestLogs } from './request-logger.js';

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
  // Without a logger of the user's own, authhooks logs through each request's `request.log` (pino).
  const logs = given.logger === undefined ? requestLogs() : undefined;
  const receiverOptions = logs === undefined ? given : { ...given, logger: logs.logger };
  return fastifyPlugin(logtoReceiver(receiverOptions), { path }, logs);
}
