import type { IncomingMessage } from 'node:http';
import { type BodyInput, PayloadTooLargeError, parsedBody, WebhookError } from '@authhooks/core';
import getRawBody from 'raw-body';

/** What body parsers leave on an Express request. */
export type ExpressRequest = IncomingMessage & {
  body?: unknown;
  rawBody?: unknown;
  /** Set by body-parser (express.json/raw/text/urlencoded) once it consumed the stream. */
  _body?: boolean;
};

/**
 * Finds the body wherever Express left it: the untouched stream (best), `req.rawBody` saved by
 * `rawBodySaver`, a Buffer from `express.raw()`, or an object from `express.json()` (no raw bytes left).
 * Never waits on a stream that another parser already drained (that hang is octokit/webhooks.js#1081).
 */
export function expressBody(req: ExpressRequest): BodyInput {
  if (req.rawBody instanceof Uint8Array) return req.rawBody;
  const consumed = req._body === true || req.readableEnded;
  if (!consumed) return (limit) => readBounded(req, limit);
  if (req.body instanceof Uint8Array || typeof req.body === 'string') return req.body;
  return parsedBody(req.body);
}

async function readBounded(req: ExpressRequest, limit: number): Promise<Uint8Array> {
  try {
    const length = req.headers['content-length'];
    return await getRawBody(req, length === undefined ? { limit } : { limit, length });
  } catch (error) {
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large') throw new PayloadTooLargeError(limit);
    if (type === 'request.size.invalid')
      throw new WebhookError('bad_request', 'body length does not match Content-Length');
    if (type === 'request.aborted') throw new WebhookError('bad_request', 'request aborted by the client');
    throw error;
  }
}

/**
 * For apps that must run `express.json()` before the webhook: keeps the exact bytes so signatures
 * can still be checked. `app.use(express.json({ verify: rawBodySaver }))`.
 */
export function rawBodySaver(req: IncomingMessage, _res: unknown, buffer: Buffer): void {
  (req as ExpressRequest).rawBody = buffer;
}
