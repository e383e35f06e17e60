import type { IncomingMessage, ServerResponse } from 'node:http';
import { PayloadTooLargeError } from './errors.js';
import { concat } from './http/body.js';
import type { EventMap } from './provider.js';
import type { ReceiveResult, Receiver } from './receiver.js';
import { withRoutes } from './routes.js';

/**
 * Reads a Node request body, stopping at `limit` bytes: past it, buffering stops at once and the
 * reader rejects with `PayloadTooLargeError`; the answer then closes the connection.
 */
export function readNodeBody(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total > limit) {
        cleanup();
        req.pause();
        reject(new PayloadTooLargeError(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(concat(chunks, total));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onAborted = () => onError(new Error('request aborted by the client'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  });
}

/** Writes a receiver answer. If the request body was not read to the end (413, 401), the connection is closed. */
export function writeNodeAnswer(req: IncomingMessage, res: ServerResponse, result: ReceiveResult): void {
  const headers: Record<string, string | number> = {
    ...result.headers,
    'content-length': Buffer.byteLength(result.body),
  };
  if (!req.complete) headers.connection = 'close';
  res.writeHead(result.status, headers);
  res.end(result.body);
  if (!req.complete) res.once('finish', () => req.destroy());
}

/** A plain `node:http` request listener: `http.createServer(nodeHandler(receiver).on(...))`. */
export function nodeHandler<TMap extends EventMap, TExtra extends object>(receiver: Receiver<TMap, TExtra>) {
  const handler = async function authhooksNodeHandler(
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const result = await receiver.receive({
      method: req.method ?? 'GET',
      headers: req.headers,
      body: (limit) => readNodeBody(req, limit),
    });
    writeNodeAnswer(req, res, result);
  };
  return withRoutes(handler, receiver);
}
