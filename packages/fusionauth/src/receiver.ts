import { createReceiver, type Receiver, type ReceiverOptions, splitReceiverOptions } from '@authhooks/core';
import type { FusionAuthEventMap } from './events/index.js';
import type { FusionAuthContext, FusionAuthOptions } from './options.js';
import { fusionauth } from './provider.js';

/** Everything `fusionWebhook()` accepts in every adapter: provider options plus receiver options. */
export type FusionWebhookOptions = FusionAuthOptions & ReceiverOptions<FusionAuthEventMap>;

export type FusionAuthReceiver = Receiver<FusionAuthEventMap, FusionAuthContext>;

/**
 * A receiver for FusionAuth; adapters wrap it (`fusionWebhook`), Web runtimes use `.fetch` directly.
 * `caller` names the function the user called in start-up errors (adapters pass `'fusionWebhook()'`).
 */
export function fusionReceiver(
  options: FusionWebhookOptions = {},
  caller = 'fusionReceiver()',
): FusionAuthReceiver {
  const [receiverOptions, providerOptions] = splitReceiverOptions(options);
  return createReceiver({ ...receiverOptions, provider: fusionauth(providerOptions, caller) });
}
