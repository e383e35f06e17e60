import {
  type LogtoContext,
  type LogtoEventMap,
  type LogtoWebhookOptions,
  logtoReceiver,
} from '@authhooks/logto';
import { type ExpressWebhook, expressMiddleware } from './middleware.js';

/**
 * Logto webhook middleware. Logto neither retries nor rolls back: answer fast.
 * @example
 * app.use('/logto-webhook', logtoWebhook() // reads LOGTO_WEBHOOK_SIGNING_KEY, or pass { signingKey }
 *   .on('User.Created', async (event) => provision(event.data?.id)));
 */
export function logtoWebhook(options: LogtoWebhookOptions = {}): ExpressWebhook<LogtoEventMap, LogtoContext> {
  return expressMiddleware(logtoReceiver(options));
}
