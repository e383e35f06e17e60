import type { IncomingMessage } from 'node:http';
import { type BodyInput, decodedText, parsedBody } from '@authhooks/core';
import { readNodeBody } from '@authhooks/core/node';

/** What body parsers leave on an Express request. */
export type ExpressRequest = IncomingMessage & {
  body?: unknown;
  rawBody?: unknown;
  /** Set by body-parser (express.json/raw/text/urlencoded) once it consumed the stream. */
  _body?: boolean;
  baseUrl?: string;
  route?: unknown;
};

/**
 * Finds the body wherever Express left it: the untouched stream (best), `req.rawBody` saved by
 * `rawBodySaver`, a Buffer from `express.raw()`, text decoded by `express.text()` or an object from
 * `express.json()` (no raw bytes left). Never waits on a stream another parser already drained
 * (that hang is octokit/webhooks.js#1081).
 */
export function expressBody(req: ExpressRequest): BodyInput {
  if (req.rawBody instanceof Uint8Array) return req.rawBody;
  const consumed = req._body === true || req.readableEnded;
  if (!consumed) return (limit, timeoutMs) => readNodeBody(req, limit, timeoutMs);
  if (req.body instanceof Uint8Array) return req.body;
  if (typeof req.body === 'string') return decodedText(req.body, 'express.text()');
  return parsedBody(req.body);
}

/**
 * For apps that must run `express.json()` before the webhook: keeps the exact bytes so signatures
 * can still be checked. `app.use(express.json({ verify: rawBodySaver }))`.
 */
export function rawBodySaver(req: IncomingMessage, _res: unknown, buffer: Buffer): void {
  (req as ExpressRequest).rawBody = buffer;
}
