import { PayloadTooLargeError } from '../errors.js';

/** Reads at most `limit` bytes; throws `PayloadTooLargeError` as soon as the body goes past it. */
export type BodyReader = (limit: number) => Promise<Uint8Array>;

/** A body some framework already parsed (Express `express.json()` ran first); its raw bytes are gone. */
export interface ParsedBody {
  readonly parsed: unknown;
}

/**
 * What `receive()` accepts as the body: the raw bytes or text, a reader that is only called once the
 * header checks passed, or an already-parsed value (signatures cannot be checked on those).
 */
export type BodyInput = Uint8Array | ArrayBuffer | string | BodyReader | ParsedBody;

export function parsedBody(parsed: unknown): ParsedBody {
  return { parsed };
}

export function isParsedBody(body: BodyInput): body is ParsedBody {
  return typeof body === 'object' && body !== null && !(body instanceof Uint8Array) && 'parsed' in body;
}

const encoder = new TextEncoder();

/** The raw bytes of a non-parsed body, bounded by `limit`. */
export async function rawBytes(body: Exclude<BodyInput, ParsedBody>, limit: number): Promise<Uint8Array> {
  let bytes: Uint8Array;
  if (typeof body === 'function') bytes = await body(limit);
  else if (typeof body === 'string') bytes = encoder.encode(body);
  else if (body instanceof Uint8Array) bytes = body;
  else bytes = new Uint8Array(body);
  if (bytes.byteLength > limit) throw new PayloadTooLargeError(limit);
  return bytes;
}

/** Reads a Web stream into one buffer, cancelling it the moment it exceeds `limit`. */
export async function readStream(
  stream: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<Uint8Array> {
  if (stream === null) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw new PayloadTooLargeError(limit);
    }
    chunks.push(value);
  }
  return concat(chunks, total);
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
  if (header === null || !/^\d+$/.test(header.trim())) return undefined;
  return Number(header.trim());
}
