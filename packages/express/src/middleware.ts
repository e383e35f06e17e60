import type { ServerResponse } from 'node:http';
import type { EventMap, Receiver, Routed } from '@authhooks/core';
import { withRoutes } from '@authhooks/core';
import { writeNodeAnswer } from '@authhooks/core/node';
import { type ExpressRequest, expressBody } from './body.js';

export type ExpressHandler = (
  req: ExpressRequest,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void;

export type ExpressWebhook<TMap extends EventMap, TExtra extends object> = Routed<
  ExpressHandler,
  TMap,
  TExtra
>;

/**
 * Express 4 and 5 middleware for any receiver. It answers every request that reaches it (mount it on
 * the webhook path): `app.use('/fusionauth-webhook', expressMiddleware(receiver))` or `app.post(...)`.
 */
export function expressMiddleware<TMap extends EventMap, TExtra extends object>(
  receiver: Receiver<TMap, TExtra>,
): ExpressWebhook<TMap, TExtra> {
  const handler: ExpressHandler = (req, res, next) => {
    receiver
      .receive({ method: req.method ?? 'GET', headers: req.headers, body: expressBody(req) })
      .then((result) => writeNodeAnswer(req, res, result))
      .catch(next);
  };
  return withRoutes(handler, receiver);
}
