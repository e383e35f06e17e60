import type { EventMap } from './provider.js';
import type { Receiver, WebhookRoutes } from './receiver.js';

/** An adapter's handler with the receiver's registration methods attached; each returns the handler to chain. */
export type Routed<T, TMap extends EventMap, TExtra extends object> = T &
  WebhookRoutes<TMap, TExtra, Routed<T, TMap, TExtra>> & { readonly receiver: Receiver<TMap, TExtra> };

/** Gives a framework handler `.on/.onAny/.onError/.off` (chainable, fully typed) and `.receiver`. */
export function withRoutes<T extends object, TMap extends EventMap, TExtra extends object>(
  target: T,
  receiver: Receiver<TMap, TExtra>,
): Routed<T, TMap, TExtra> {
  const routed = target as Routed<T, TMap, TExtra>;
  Object.defineProperties(routed, {
    receiver: { value: receiver, enumerable: true },
    on: { value: (selector: never, handler: never) => (receiver.on(selector, handler), routed) },
    onAny: { value: (handler: never) => (receiver.onAny(handler), routed) },
    onError: { value: (handler: never) => (receiver.onError(handler), routed) },
    off: { value: (selector: never, handler: never) => (receiver.off(selector, handler), routed) },
  });
  return routed;
}
