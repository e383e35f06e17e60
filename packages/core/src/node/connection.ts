import type { ServerResponse } from 'node:http';

/**
 * `ReceiveInput.closed` for a Node response: a signal aborted when the connection closes before the
 * answer is written. Made only when asked (a delivery that goes asynchronous), so a synchronous one
 * adds no listener.
 */
export function connectionClosed(res: ServerResponse): () => AbortSignal {
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
