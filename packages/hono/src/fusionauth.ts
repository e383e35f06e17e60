import {
  type FusionAuthContext,
  type FusionAuthEventMap,
  type FusionWebhookOptions,
  fusionReceiver,
} from '@authhooks/fusionauth';
import { type HonoHandlerOptions, type HonoWebhook, honoHandler } from './handler.js';

/**
 * FusionAuth webhook handler for Hono. Takes the FusionAuth provider options, the receiver options and
 * `passThrough` (see `HonoHandlerOptions`).
 * @example
 * app.use(
 *   '/fusionauth-webhook',
 *   fusionWebhook() // reads FUSIONAUTH_WEBHOOK_AUTHORIZATION, or pass { authorization }
 *     .on('user.delete', async (event, ctx) => deleteUserData(event.user.id, { signal: ctx.signal })),
 * );
 */
export function fusionWebhook(
  options: FusionWebhookOptions & HonoHandlerOptions = {},
): HonoWebhook<FusionAuthEventMap, FusionAuthContext> {
  const { passThrough, ...receiverOptions } = options;
  return honoHandler(
    fusionReceiver(receiverOptions, 'fusionWebhook()'),
    passThrough === undefined ? {} : { passThrough },
  );
}
