/** What `connectionClosed` reads of a Node `ServerResponse` (typed by shape: no node:http types needed). */
export interface ClosableResponse {
  readonly writableFinished: boolean;
  readonly destroyed: boolean;
  readonly socket?: { readonly destroyed: boolean } | null;
  once(event: 'close', listener: () => void): unknown;
}

/**
 * `ReceiveInput.closed` for a Node response (node:http, Express, Fastify, Hono on @hono/node-server):
 * a signal aborted when the connection closes before the answer is written. Made only when asked (a
 * delivery that goes asynchronous), so a synchronous one adds no listener.
 */
export function connectionClosed(res: ClosableResponse): () => AbortSignal {
  return () => {
    const controller = new AbortController();
    if (res.writableFinished) return controller.signal;
    if (res.destroyed || res.socket?.destroyed === true) {
      controller.abort();
      return controller.signal;
    }
    res.once('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    return controller.signal;
  };
}

/** Whether `value` looks like a Node `ServerResponse` (for adapters that may run on Node or elsewhere). */
export function isClosableResponse(value: unknown): value is ClosableResponse {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ClosableResponse).once === 'function' &&
    typeof (value as ClosableResponse).writableFinished === 'boolean'
  );
}
