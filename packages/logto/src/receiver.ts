import { createReceiver, type Receiver, type ReceiverOptions, splitReceiverOptions } from '@authhooks/core';
import type { LogtoEventMap } from './events/index.js';
import type { LogtoContext, LogtoOptions } from './options.js';
import { logto } from './provider.js';

/** Everything `logtoWebhook()` accepts in every adapter: provider options plus receiver options. */
export type LogtoWebhookOptions = LogtoOptions & ReceiverOptions<LogtoEventMap>;

export type LogtoReceiver = Receiver<LogtoEventMap, LogtoContext>;

/** A receiver for Logto; adapters wrap it (`logtoWebhook`), Web runtimes use `.fetch` directly. */
export function logtoReceiver(options: LogtoWebhookOptions = {}): LogtoReceiver {
  const [receiverOptions, providerOptions] = splitReceiverOptions(options);
  return createReceiver({ ...receiverOptions, provider: logto(providerOptions) });
}
