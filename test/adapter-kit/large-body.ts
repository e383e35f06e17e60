import { request } from 'node:http';

export const fiftyMegabytes = 50 * 1024 * 1024;
const chunk = new Uint8Array(64 * 1024).fill(0x20);

/** A lazily produced body of `total` bytes that counts how much the server actually pulled. */
export function countingStream(total: number): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      pulled += chunk.byteLength;
      controller.enqueue(chunk.slice());
    },
  });
  return { stream, pulled: () => pulled };
}

export interface StreamedResult {
  readonly status: number;
  readonly body: string;
  /** Bytes the client had written when the answer arrived. */
  readonly writtenAtAnswer: number;
}

/**
 * POSTs `total` bytes over real HTTP, paced by backpressure, and stops sending as soon as the server
 * answers. Without `contentLength` the body is chunked, so the server cannot refuse it from the header.
 */
export function postStreamed(
  url: string,
  total: number,
  headers: Record<string, string>,
  contentLength = false,
): Promise<StreamedResult> {
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const req = request(url, {
      method: 'POST',
      headers: contentLength ? { ...headers, 'content-length': String(total) } : headers,
    });
    req.on('response', (res) => {
      answered = true;
      const writtenAtAnswer = written;
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString(), writtenAtAnswer });
        req.destroy();
      });
      res.on('error', reject);
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const pump = () => {
      while (!answered && written < total) {
        written += chunk.byteLength;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}
