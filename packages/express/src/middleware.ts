import type { ServerResponse } from 'node:http';
import type { EventMap, Receiver, Routed } from '@authhooks/core';
import { nodeConnectionInput, withRoutes } from '@authhooks/core';
import { nodeHeaders, writeNodeAnswer } from '@authhooks/core/node';
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
 * Express 4 and 5 middleware for any receiver: `app.use('/fusionauth-webhook', webhook)` or
 * `app.post('/fusionauth-webhook', webhook)`. It answers its own path only: a sub-path of an
 * `app.use` mount (`/fusionauth-webhook/anything`) goes on to the next route.
 */
export function expressMiddleware<TMap extends EventMap, TExtra extends object>(
  receiver: Receiver<TMap, TExtra>,
): ExpressWebhook<TMap, TExtra> {
  const handler: ExpressHandler = (req, res, next) => {
    if (req.route === undefined && !atMountRoot(req.url)) return next();
    receiver
      .receive({
        method: req.method ?? 'GET',
        headers: nodeHeaders(req),
        ...nodeConnectionInput({ incoming: req, outgoing: res }, expressBody(req)),
      })
      .then((answer) => writeNodeAnswer(req, res, answer));
  };
  return withRoutes(handler, receiver);
}

/** Under `app.use(path, …)` Express strips the mount path: what is left is `/` (or `/?query`) for the path itself. */
function atMountRoot(url: string | undefined): boolean {
  if (url === undefined) return true;
  const end = url.indexOf('?');
  const path = end === -1 ? url : url.slice(0, end);
  return path === '/' || path === '';
}
