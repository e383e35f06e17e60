import type { IncomingMessage } from 'node:http';
import { BodyReadError, PayloadTooLargeError } from '../errors.js';
import { concat } from '../http/body.js';
import { type Deadline, deadlineQueue } from '../runtime/deadline-queue.js';

/**
 * Reads a Node request body (node:http, Express, Fastify), stopping at `limit` bytes or after
 * `timeoutMs`: past either, buffering stops at once and the reader rejects with a `BodyReadError`
 * (the answer then closes the connection). A client that goes away mid-body is reported as such.
 */
export function readNodeBody(req: IncomingMessage, limit: number, timeoutMs: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => new NodeBodyRead(req, limit, timeoutMs, resolve, reject));
}

class NodeBodyRead {
  readonly #chunks: Uint8Array[] = [];
  #total = 0;
  readonly #deadline: Deadline;
  readonly #onData = (chunk: Buffer) => this.#data(chunk);
  readonly #onEnd = () => this.#end();
  readonly #onError = () => this.#fail(new BodyReadError('bad_request', 'request aborted by the client'));

  constructor(
    readonly req: IncomingMessage,
    readonly limit: number,
    readonly timeoutMs: number,
    readonly resolve: (bytes: Uint8Array) => void,
    readonly reject: (error: BodyReadError) => void,
  ) {
    this.#deadline = deadlineQueue(timeoutMs).schedule(this);
    if (req.readableEnded) {
      this.#end();
      return;
    }
    req.on('data', this.#onData);
    req.on('end', this.#onEnd);
    req.on('error', this.#onError);
    req.on('aborted', this.#onError);
    req.on('close', this.#onError);
  }

  expire() {
    this.#stop();
    this.reject(new BodyReadError('request_timeout', `the body did not arrive within ${this.timeoutMs} ms`));
  }

  #data(chunk: Buffer) {
    this.#total += chunk.byteLength;
    if (this.#total > this.limit) return this.#fail(new PayloadTooLargeError(this.limit));
    this.#chunks.push(chunk);
  }

  #end() {
    if (!this.#deadline.settle()) return;
    this.#detach();
    this.resolve(concat(this.#chunks, this.#total));
  }

  #fail(error: BodyReadError) {
    if (!this.#deadline.settle()) return;
    this.#stop();
    this.reject(error);
  }

  #stop() {
    this.#detach();
    this.#chunks.length = 0;
    this.req.pause();
  }

  #detach() {
    const { req } = this;
    req.off('data', this.#onData);
    req.off('end', this.#onEnd);
    req.off('error', this.#onError);
    req.off('aborted', this.#onError);
    req.off('close', this.#onError);
  }
}
