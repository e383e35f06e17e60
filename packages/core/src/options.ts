import type { ReceiverOptions } from './receiver.js';

const receiverKeys = [
  'timeoutMs',
  'maxBodyBytes',
  'idempotency',
  'unhandled',
  'responses',
  'logger',
  'onResult',
] as const satisfies readonly (keyof ReceiverOptions)[];

/** Splits an adapter's one options object into the receiver's options and the provider's. */
export function splitReceiverOptions<T extends ReceiverOptions>(
  options: T,
): [ReceiverOptions, Omit<T, keyof ReceiverOptions>] {
  const receiver: Record<string, unknown> = {};
  const provider: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    ((receiverKeys as readonly string[]).includes(key) ? receiver : provider)[key] = value;
  }
  return [receiver as ReceiverOptions, provider as Omit<T, keyof ReceiverOptions>];
}
