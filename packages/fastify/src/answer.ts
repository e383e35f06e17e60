import { type Logger, type Receiver, responseBody } from '@authhooks/core';
import { closeAfterAnswer, closesConnection, nodeRequest } from '@authhooks/core/node';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Runs the receiver on the untouched request stream and sends its answer through `reply`, so the app's
 * hooks apply to the webhook route as to any other: headers set in onRequest or preHandler (helmet,
 * request ids) stay, and onSend and onResponse run. The body is read only when the receiver asks for it
 * (after the method, content-type and header checks), never past `maxBodyBytes` or `bodyTimeoutMs`.
 * With `requestLog`, the delivery logs through the request's own pino logger (`request.log`).
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
  if (reply.raw.headersSent || reply.raw.destroyed) return reply;
  reply.code(result.status).headers(result.headers);
  if (closesConnection(request.raw)) {
    reply.header('connection', 'close');
    closeAfterAnswer(request.raw, reply.raw);
  }
  // 204, 205 and 304 carry no body; every other answer is the receiver's JSON, sent as is.
  return reply.send(responseBody(result) ?? undefined);
}
