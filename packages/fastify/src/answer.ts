import type { Receiver } from '@authhooks/core';
import { readNodeBody } from '@authhooks/core/node';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Runs the receiver on the untouched request stream and writes its answer as is. The body is read
 * only when the receiver asks for it (after the method, content-type and header checks), and never
 * past `maxBodyBytes`.
 */
// biome-ignore lint/suspicious/noExplicitAny: works for a receiver of any provider
export async function answer(receiver: Receiver<any, any>, request: FastifyRequest, reply: FastifyReply) {
  const raw = request.raw;
  const result = await receiver.receive({
    method: request.method,
    headers: raw.headers,
    body: (limit) => readNodeBody(raw, limit),
  });
  reply.code(result.status).headers(result.headers);
  if (!raw.complete) {
    // The rest of the body (after a 413, or unread after a 401) is not worth receiving: close instead.
    reply.header('connection', 'close');
    reply.raw.once('finish', () => raw.destroy());
  }
  return reply.send(result.body);
}
