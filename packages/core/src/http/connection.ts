import type { BodyInput } from './body.js';

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

/** What `answerTurn` reads of a Node request and its response (typed by shape). */
export interface TurnRequest {
  readonly destroyed: boolean;
  /** Node's socket, whose `_httpMessage` is the response that holds it now. */
  readonly socket?: object | null;
  once(event: 'close', listener: () => void): unknown;
  off(event: 'close', listener: () => void): unknown;
}
export interface TurnResponse {
  readonly socket?: { readonly writableEnded: boolean; readonly destroyed: boolean } | null;
  once(event: 'socket', listener: () => void): unknown;
  off(event: 'socket', listener: () => void): unknown;
}

/**
 * `ReceiveInput.turn` for Node: a request pipelined behind another on the same connection has no socket
 * until the earlier answer is written, and one parsed after an answer that closes the connection (a 401
 * sent before its body was read) has a socket that no longer writes. Either way its handlers must not
 * run before its answer can be delivered, and not at all when it never can. Resolves true when it is
 * this request's turn, false when the connection closed first; undefined when the answer can be written
 * now (the common case: two property reads).
 */
export function answerTurn(req: TurnRequest, res: TurnResponse): () => Promise<boolean> | undefined {
  return () => {
    const { socket } = res;
    if (socket !== null && socket !== undefined) {
      return socket.writableEnded || socket.destroyed ? Promise.resolve(false) : undefined;
    }
    if (req.destroyed) return Promise.resolve(false);
    // Queued only when another response holds the connection; a response built without a socket (a
    // test double, a serverless bridge) is answered as it is.
    const holder = (req.socket as { readonly _httpMessage?: unknown } | null | undefined)?._httpMessage;
    if (holder === undefined || holder === null || holder === res) return undefined;
    return new Promise<boolean>((resolve) => {
      const ours = () => {
        req.off('close', gone);
        resolve(true);
      };
      const gone = () => {
        res.off('socket', ours);
        resolve(false);
      };
      res.once('socket', ours);
      req.once('close', gone);
    });
  };
}

/** Node's own fields on a response for `Expect: 100-continue` (typed by shape). */
export interface ContinuableResponse {
  readonly _expect_continue?: boolean;
  readonly _sent100?: boolean;
  readonly headersSent: boolean;
  writeContinue(): void;
}

/**
 * Sends `100 Continue` to a client that waits for it before sending its body, when the body is about
 * to be read and Node has not sent it yet. Node sends it before any request listener runs unless the
 * server has a `checkContinue` listener; with `server.on('checkContinue', …)` routed to the webhook, a
 * request refused on its headers (401) is answered before the client uploads a byte.
 */
export function sendContinue(res: ContinuableResponse): void {
  if (res._expect_continue === true && res._sent100 !== true && !res.headersSent) res.writeContinue();
}

/** A Node request and its response, typed by what the receiver reads of them. */
export interface NodeConnection {
  readonly incoming: TurnRequest;
  readonly outgoing: ClosableResponse & TurnResponse & ContinuableResponse;
}

/**
 * The Node request and response `@hono/node-server` hands a fetch handler as its second argument
 * (`{ incoming, outgoing }`), when that is what `env` is; undefined on every other runtime.
 */
export function nodeConnection(env: unknown): NodeConnection | undefined {
  if (typeof env !== 'object' || env === null) return undefined;
  const { incoming, outgoing } = env as { incoming?: unknown; outgoing?: unknown };
  if (!isClosableResponse(outgoing) || typeof (incoming as TurnRequest | undefined)?.once !== 'function') {
    return undefined;
  }
  return { incoming: incoming as TurnRequest, outgoing: outgoing as NodeConnection['outgoing'] };
}

/**
 * What every Node mount tells `receive()` about its connection: `closed` and `turn`, and the body,
 * whose reader (when it still has to be read) first sends a client waiting on `Expect: 100-continue`
 * its `100 Continue`.
 */
export function nodeConnectionInput(
  { incoming, outgoing }: NodeConnection,
  body: BodyInput,
): { body: BodyInput; closed: () => AbortSignal; turn: () => Promise<boolean> | undefined } {
  const read = typeof body === 'function' ? body : undefined;
  return {
    body:
      read === undefined
        ? body
        : (limit, timeoutMs) => {
            sendContinue(outgoing);
            return read(limit, timeoutMs);
          },
    closed: connectionClosed(outgoing),
    turn: answerTurn(incoming, outgoing),
  };
}
