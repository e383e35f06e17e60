import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Answer, responseBody } from '../pipeline/http-policy.js';

/**
 * Writes a receiver answer. When the request body was not read to the end (413, 408, a 401 before
 * the body), the connection is closed after the answer instead of draining what the client still sends.
 */
export function writeNodeAnswer(req: IncomingMessage, res: ServerResponse, answer: Answer): void {
  if (res.headersSent || res.destroyed) return;
  // 204, 205 and 304 (reachable through `responses`) carry neither a body nor Content-Length (RFC 9110).
  const body = responseBody(answer);
  const head: string[] = body === null ? [] : ['content-length', String(Buffer.byteLength(body))];
  for (const name in answer.headers) head.push(name, answer.headers[name] as string);
  const complete = req.complete;
  if (!complete) head.push('connection', 'close');
  res.writeHead(answer.status, head);
  res.end(body ?? undefined);
  // The socket, not just the request: a request whose small body was already parsed is dumped and ended
  // on finish, and destroying it would leave the connection open to parse the next pipelined request.
  if (!complete) res.once('finish', () => (req.socket ?? req).destroy());
}
