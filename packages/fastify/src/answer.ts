import type { Receiver } from '@authhooks/core';
import { nodeRequest, writeNodeAnswer } from '@authhooks/core/node';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Runs the receiver on the untouched request stream and writes its answer through the same Node
 * functions as every Node adapter. The body is read only when the receiver asks for it (after the
 * method, content-type and header checks), never past `maxBodyBytes` or `bodyTimeoutMs`.
 */
// biome-ignore lint/suspicious/noExplicitAny: works for a receiver of any provider
export async function answer(receiver: Receiver<any, any>, request: FastifyRequest, reply: FastifyReply) {
  const result = await receiver.receive(nodeRequest(request.raw));
  reply.hijack();
  writeNodeAnswer(request.raw, reply.raw, result);
}
