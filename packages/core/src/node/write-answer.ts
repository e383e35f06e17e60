import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Answer, responseBody } from '../pipeline/http-policy.js';

/**
 * Whether the answer to `req` must close the connection: its body was not read to the end (413, 408, a
 * 401 before the body), and draining what the client still sends would cost what the limits prevent.
 */
export function closesConnection(req: IncomingMessage): boolean {
  return !req.complete;
}

/**
 * Closes the connection once the answer is written. The socket, not just the request: a request whose
 * small body was already parsed is dumped and ended on finish, and destroying it would leave the
 * connection open to parse the next pipelined request.
 */
export function closeAfterAnswer(req: IncomingMessage, res: ServerResponse): void {
  res.once('finish', () => (req.socket ?? req).destroy());
}

/** Writes a receiver answer on a Node response, closing the connection when `closesConnection` says so. */
export function writeNodeAnswer(req: IncomingMessage, res: ServerResponse, answer: Answer): void {
  if (res.headersSent || res.destroyed) return;
  // 204, 205 and 304 (reachable through `responses`) carry neither a body nor Content-Length (RFC 9110).
  const body = responseBody(answer);
  const head: string[] = body === null ? [] : ['content-length', String(Buffer.byteLength(body))];
  for (const name in answer.headers) head.push(name, answer.headers[name] as string);
  const close = closesConnection(req);
  if (close) head.push('connection', 'close');
  res.writeHead(answer.status, head);
  res.end(body ?? undefined);
  if (close) closeAfterAnswer(req, res);
}
