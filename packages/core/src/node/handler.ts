import type { IncomingMessage, ServerResponse } from 'node:http';
import { nodeConnectionInput } from '../http/connection.js';
import type { ReceiveInput } from '../pipeline/pipeline.js';
import type { EventMap } from '../provider.js';
import type { Receiver } from '../receiver.js';
import { type Routed, withRoutes } from '../routes.js';
import { nodeHeaders } from './headers.js';
import { readNodeBody } from './read-body.js';
import { writeNodeAnswer } from './write-answer.js';

/**
 * The receiver's view of a Node request whose body is still unread: method, headers, a bounded reader,
 * and (given the response) whether the client is still there to read the answer.
 */
export function nodeRequest(req: IncomingMessage, res?: ServerResponse): ReceiveInput {
  const method = req.method ?? 'GET';
  const headers = nodeHeaders(req);
  const body = (limit: number, timeoutMs: number) => readNodeBody(req, limit, timeoutMs);
  if (res === undefined) return { method, headers, body };
  return { method, headers, ...nodeConnectionInput({ incoming: req, outgoing: res }, body) };
}

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * A plain `node:http` request listener: `http.createServer(nodeHandler(receiver).on(...))`. Add
 * `server.on('checkContinue', handler)` too, and a client sending `Expect: 100-continue` gets its 401
 * before it uploads the body (the `100 Continue` goes out only once the header checks passed).
 */
export function nodeHandler<TMap extends EventMap, TExtra extends object>(
  receiver: Receiver<TMap, TExtra>,
): Routed<NodeHandler, TMap, TExtra> {
  const handler: NodeHandler = async function authhooksNodeHandler(req, res) {
    writeNodeAnswer(req, res, await receiver.receive(nodeRequest(req, res)));
  };
  return withRoutes(handler, receiver);
}
