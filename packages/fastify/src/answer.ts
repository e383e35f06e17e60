import type { Logger, Receiver } from '@authhooks/core';
import { nodeRequest, writeNodeAnswer } from '@authhooks/core/node';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Runs the receiver on the untouched request stream and writes its answer through the same Node
 * functions as every Node adapter. The body is read only when the receiver asks for it (after the
 * method, content-type and header checks), never past `maxBodyBytes` or `bodyTimeoutMs`. With
 * `requestLog`, the delivery logs through the request's own pino logger (`request.log`).
 */
export async function answer(
  // biome-ignore lint/suspicious/noExplicitAny: works for a receiver of any provider
  receiver: Receiver<any, any>,
  request: FastifyRequest,
  reply: FastifyReply,
  requestLog: boolean,
) {
  const input = nodeRequest(request.raw, reply.raw);
  const result = await receiver.receive(requestLog ? { ...input, logger: request.log as Logger } : input);
  reply.hijack();
  writeNodeAnswer(request.raw, reply.raw, result);
}
