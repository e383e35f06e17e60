import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Answer } from '../pipeline/http-policy.js';

/**
 * Writes a receiver answer. When the request body was not read to the end (413, 408, a 401 before
 * the body), the connection is closed after the answer instead of draining what the client still sends.
 */
export function writeNodeAnswer(req: IncomingMessage, res: ServerResponse, answer: Answer): void {
  if (res.headersSent || res.destroyed) return;
  const head: string[] = ['content-length', String(Buffer.byteLength(answer.body))];
  for (const name in answer.headers) head.push(name, answer.headers[name] as string);
  const complete = req.complete;
  if (!complete) head.push('connection', 'close');
  res.writeHead(answer.status, head);
  res.end(answer.body);
  if (!complete) res.once('finish', () => req.destroy());
}
