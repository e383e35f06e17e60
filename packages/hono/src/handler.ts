import type {
  AnyEventOf,
  BodyInput,
  EventMap,
  ReceiveInput,
  ReceiveResult,
  Receiver,
  Routed,
} from '@authhooks/core';
import { nodeConnection, nodeConnectionInput, responseBody, withRoutes } from '@authhooks/core';
import type { Context, MiddlewareHandler } from 'hono';
import { honoBody } from './body.js';
import type { AuthhooksDelivery, AuthhooksEnv } from './variables.js';

export interface HonoHandlerOptions {
  /**
   * Default `false`: the webhook answers every request itself, like a route handler.
   *
   * `true`: after a 2xx answer with a verified event (`handled`, `ignored`, `duplicate`) it calls
   * `next()` so later middleware and handlers can read `c.get('authhooks')`; it then answers with the
   * receiver's answer anyway, whatever they return. They run after the answer was decided: work that
   * must be able to roll the operation back belongs in `.on()` handlers.
   */
  readonly passThrough?: boolean;
}

/** A Hono middleware/handler with `.on/.onAny/.onError/.off` (chainable) and `.receiver`. */
export type HonoWebhook<TMap extends EventMap, TExtra extends object> = Routed<
  MiddlewareHandler<AuthhooksEnv<AnyEventOf<TMap>>>,
  TMap,
  TExtra
>;

/**
 * Hono handler for any receiver. Mount it with `app.post(path, …)`, or with `app.use(path, …)` /
 * `app.all(path, …)` so that other methods reach it too and get `405` with `Allow: POST`.
 * @example
 * const webhook = honoHandler(receiver).on('user.delete', (event) => forget(event.user.id));
 * app.use('/fusionauth-webhook', webhook);
 */
export function honoHandler<TMap extends EventMap, TExtra extends object>(
  receiver: Receiver<TMap, TExtra>,
  options: HonoHandlerOptions = {},
): HonoWebhook<TMap, TExtra> {
  const passThrough = options.passThrough === true;
  const handler: MiddlewareHandler<AuthhooksEnv<AnyEventOf<TMap>>> = async (c, next) => {
    const result = await receiver.receive({
      method: c.req.method,
      headers: c.req.raw.headers,
      ...connectionOf(c, await honoBody(c.req)),
    });
    const answer = respond(c, result);
    const delivery = deliveryOf(result);
    if (delivery === undefined) return answer;
    c.set('authhooks', delivery);
    if (!passThrough) return answer;
    await next();
    replaceResponse(c, answer);
  };
  return withRoutes(handler, receiver);
}

/** The receiver's answer as is, plus headers earlier middleware set with `c.header()`. */
function respond(c: Context, result: ReceiveResult): Response {
  const body = responseBody(result);
  const headers = { ...result.headers }; // shared constants: never hand them to code that may add to them
  if (body === null) return c.body(null, result.status as 204, headers);
  return c.body(body, result.status as 200, headers);
}

/** The event, for 2xx answers only: a rejected or failed event is not handed on. */
function deliveryOf<TEvent>(result: ReceiveResult<TEvent>): AuthhooksDelivery<TEvent> | undefined {
  if (result.status < 200 || result.status > 299 || result.event === undefined) return undefined;
  const { event, eventId, eventType, outcome, status } = result;
  return { event, eventId, eventType, outcome, status };
}

/** Later handlers cannot change the answer: theirs is dropped, headers included. */
function replaceResponse(c: Context, answer: Response): void {
  c.res = undefined;
  c.res = answer;
}

/**
 * The body and the client's connection. On @hono/node-server the Node request and response themselves
 * (closed, a pipelined request's turn, `100 Continue` when the body is read): reading `c.req.raw.signal`
 * there builds a full Web Request over the same incoming stream our body reader consumes. Elsewhere
 * (Bun, Deno, workerd) the request's own signal, read only when a delivery goes asynchronous.
 */
function connectionOf(c: Context, body: BodyInput): Pick<ReceiveInput, 'body' | 'closed' | 'turn'> {
  const node = nodeConnection(c.env);
  if (node === undefined) return { body, closed: () => c.req.raw.signal };
  return nodeConnectionInput(node, body);
}
