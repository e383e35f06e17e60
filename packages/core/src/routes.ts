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
  const chain =
    <A extends unknown[]>(register: (...args: A) => unknown) =>
    (...args: A) => {
      register(...args);
      return routed;
    };
  Object.defineProperties(routed, {
    receiver: { value: receiver, enumerable: true },
    on: { value: chain(receiver.on) },
    onAny: { value: chain(receiver.onAny) },
    onError: { value: chain(receiver.onError) },
    off: { value: chain(receiver.off) },
    enqueue: { value: chain(receiver.enqueue) },
    onCommit: { value: chain(receiver.onCommit) },
    onRollback: { value: chain(receiver.onRollback) },
  });
  return routed;
}
