import {
  type FusionAuthContext,
  type FusionAuthEventMap,
  type FusionWebhookOptions,
  fusionReceiver,
} from '@authhooks/fusionauth';
import { type ExpressWebhook, expressMiddleware } from './middleware.js';

/**
 * FusionAuth webhook middleware.
 * @example
 * const webhook = fusionWebhook() // reads FUSIONAUTH_WEBHOOK_AUTHORIZATION, or pass { authorization }
 *   .on('user.delete', async (event, ctx) => deleteUserData(event.user.id, { signal: ctx.signal }));
 * app.use('/fusionauth-webhook', webhook);
 */
export function fusionWebhook(
  options: FusionWebhookOptions = {},
): ExpressWebhook<FusionAuthEventMap, FusionAuthContext> {
  return expressMiddleware(fusionReceiver(options, 'fusionWebhook()'));
}
