import { createReceiver, type Receiver, type ReceiverOptions, splitReceiverOptions } from '@authhooks/core';
import type { FusionAuthEventMap } from './events/index.js';
import type { FusionAuthContext, FusionAuthOptions } from './options.js';
import { fusionauth } from './provider.js';

/** Everything `fusionWebhook()` accepts in every adapter: provider options plus receiver options. */
export type FusionWebhookOptions = FusionAuthOptions & ReceiverOptions;

export type FusionAuthReceiver = Receiver<FusionAuthEventMap, FusionAuthContext>;

/** A receiver for FusionAuth; adapters wrap it (`fusionWebhook`), Web runtimes use `.fetch` directly. */
export function fusionReceiver(options: FusionWebhookOptions = {}): FusionAuthReceiver {
  const [receiverOptions, providerOptions] = splitReceiverOptions(options);
  return createReceiver({ ...receiverOptions, provider: fusionauth(providerOptions) });
}
