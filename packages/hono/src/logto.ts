import {
  type LogtoContext,
  type LogtoEventMap,
  type LogtoWebhookOptions,
  logtoReceiver,
} from '@authhooks/logto';
import { type HonoHandlerOptions, type HonoWebhook, honoHandler } from './handler.js';

/**
 * Logto webhook handler for Hono (`signingKey`, or `LOGTO_WEBHOOK_SIGNING_KEY` from the environment).
 * Logto neither retries nor rolls back: keep handlers fast.
 * @example
 * app.use(
 *   '/logto-webhook',
 *   logtoWebhook() // reads LOGTO_WEBHOOK_SIGNING_KEY, or pass { signingKey }
 *     .on('User.Deleted', async (event) => deleteUserData(event.data?.id)),
 * );
 */
export function logtoWebhook(
  options: LogtoWebhookOptions & HonoHandlerOptions = {},
): HonoWebhook<LogtoEventMap, LogtoContext> {
  const { passThrough, ...receiverOptions } = options;
  return honoHandler(logtoReceiver(receiverOptions), passThrough === undefined ? {} : { passThrough });
}
