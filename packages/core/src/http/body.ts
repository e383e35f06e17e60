import { BodyReadError, PayloadTooLargeError } from '../errors.js';
import { deadlineQueue } from '../runtime/deadline-queue.js';

/**
 * Reads at most `limit` bytes within `timeoutMs`. Rejects with a `BodyReadError` when the body goes
 * past the limit (`payload_too_large`), does not arrive in time (`request_timeout`) or the client went
 * away (`bad_request`), and stops reading at once in each case.
 */
export type BodyReader = (limit: number, timeoutMs: number) => Promise<Uint8Array>;

/** A body some framework already parsed (Express `express.json()` ran first); its raw bytes are gone. */
export interface ParsedBody {
  readonly parsed: unknown;
}

/**
 * Text a framework already decoded from the bytes (`express.text()`, Hono's `c.req.text()`): a BOM
 * is gone and invalid UTF-8 was replaced, so a signature over the original bytes cannot be checked.
 */
export interface DecodedText {
  readonly decoded: string;
  /** Names the fix for the log and the `misconfigured` answer. */
  readonly source: string;
}

/** The stream was read by something that kept nothing authhooks can use: answered `misconfigured`. */
export interface ConsumedBody {
  /** Who read it, to name the fix. */
  readonly consumedBy: string;
}

/**
 * What `receive()` accepts as the body: the raw bytes or text (as received), a reader that is only
 * called once the header checks passed, or what a framework left after it consumed the stream.
 */
export type BodyInput =
  | Uint8Array
  | ArrayBuffer
  | string
  | BodyReader
  | ParsedBody
  | DecodedText
  | ConsumedBody;

export function parsedBody(parsed: unknown): ParsedBody {
  return { parsed };
}

export function decodedText(decoded: string, source: string): DecodedText {
  return { decoded, source };
}

export function consumedBody(consumedBy: string): ConsumedBody {
  return { consumedBy };
}

export function isConsumedBody(body: BodyInput): body is ConsumedBody {
  return typeof body === 'object' && body !== null && 'consumedBy' in body;
}

export function isParsedBody(body: BodyInput): body is ParsedBody {
  return typeof body === 'object' && body !== null && 'parsed' in body;
}

export function isDecodedText(body: BodyInput): body is DecodedText {
  return typeof body === 'object' && body !== null && 'decoded' in body;
}

/** Reads a Web stream into one buffer, cancelling it the moment it exceeds `limit` or `timeoutMs` passes. */
export function readStream(
  stream: ReadableStream<Uint8Array> | null,
  limit: number,
  timeoutMs: number,
): Promise<Uint8Array> {
  if (stream === null) return Promise.resolve(new Uint8Array(0));
  return new StreamRead(stream.getReader(), limit, timeoutMs).promise;
}

class StreamRead {
  readonly promise: Promise<Uint8Array>;
  #resolve!: (bytes: Uint8Array) => void;
  #reject!: (error: BodyReadError) => void;
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  readonly #limit: number;
  readonly #chunks: Uint8Array[] = [];
  #total = 0;
  #done = false;
  readonly #deadline;

  constructor(reader: ReadableStreamDefaultReader<Uint8Array>, limit: number, timeoutMs: number) {
    this.#reader = reader;
    this.#limit = limit;
    this.promise = new Promise((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    this.#deadline = deadlineQueue(timeoutMs).schedule(this);
    this.#pump();
  }

  expire() {
    this.#fail(new BodyReadError('request_timeout', `the body did not arrive within the body timeout`));
  }

  async #pump() {
    try {
      for (;;) {
        const { done, value } = await this.#reader.read();
        if (this.#done) return;
        if (done) break;
        this.#total += value.byteLength;
        if (this.#total > this.#limit) return this.#fail(new PayloadTooLargeError(this.#limit));
        this.#chunks.push(value);
      }
    } catch {
      return this.#fail(new BodyReadError('bad_request', 'request aborted by the client'));
    }
    this.#done = true;
    this.#deadline.settle();
    this.#resolve(concat(this.#chunks, this.#total));
  }

  #fail(error: BodyReadError) {
    if (this.#done) return;
    this.#done = true;
    this.#deadline.settle();
    this.#reader.cancel().catch(() => {});
    this.#reject(error);
  }
}

export function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** A declared `Content-Length` over the limit lets us answer 413 without reading a byte. */
export function declaredLength(header: string | null): number | undefined {
  if (header === null) return undefined;
  const trimmed = header.trim();
  if (!/^\d{1,15}$/.test(trimmed)) return undefined;
  return Number(trimmed);
}
