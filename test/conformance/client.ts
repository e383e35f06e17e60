import http from 'node:http';
import { Readable } from 'node:stream';

/** A body that is streamed instead of sent whole: `bytes` of filler, chunked unless `declared`. */
export interface StreamedBody {
  readonly bytes: number;
  /** Send `Content-Length: bytes` up front, so the server can refuse it from the header alone. */
  readonly declared?: boolean;
}

/** A body that starts (`sent`) and then never arrives, although `declared` bytes were announced. */
export interface StalledBody {
  readonly sent: string;
  readonly declared: number;
}

export interface TestRequest {
  /** Default `POST`. */
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
  readonly stream?: StreamedBody;
  readonly stall?: StalledBody;
}

export interface TestResponse {
  readonly status: number;
  /** A header's value, or undefined when it was not sent. */
  header(name: string): string | undefined;
  readonly text: string;
  /** `text` parsed as JSON; undefined when it is not JSON (or empty). */
  readonly json: unknown;
  /**
   * For a streamed body: how many bytes the server had taken when it answered (pulled from the stream
   * in-process; written by the client over HTTP, where socket buffers add to it).
   */
  readonly consumed?: number;
}

/** One request to the webhook under test, however it is mounted. */
export type Send = (request: TestRequest) => Promise<TestResponse>;

const chunkSize = 64 * 1024;
const filler = new Uint8Array(chunkSize).fill(0x20);

export function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function answer(
  status: number,
  get: (name: string) => string | undefined,
  text: string,
  consumed?: number,
): TestResponse {
  return {
    status,
    header: (name) => get(name.toLowerCase()),
    text,
    json: parseJson(text),
    ...(consumed !== undefined && { consumed }),
  };
}

const hasNoBody = (method: string) => method === 'GET' || method === 'HEAD';

/** The headers of a request, with `Content-Length` added for a declared stream or a stalled body. */
export function headersOf(request: TestRequest): Record<string, string> {
  const headers: Record<string, string> = { ...request.headers };
  if (request.stream?.declared) headers['content-length'] = String(request.stream.bytes);
  if (request.stall) headers['content-length'] = String(request.stall.declared);
  return headers;
}

/** A Web stream of filler, produced lazily; `pulled()` tells how much the reader took. */
export function webStream(request: TestRequest): { stream: ReadableStream<Uint8Array>; pulled(): number } {
  let pulled = 0;
  const { stream: streamed, stall } = request;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (stall) {
        if (pulled === 0) {
          const bytes = new TextEncoder().encode(stall.sent);
          pulled = bytes.byteLength;
          controller.enqueue(bytes);
        }
        return new Promise<void>(() => {}); // never more: the body stalls
      }
      const total = streamed?.bytes ?? 0;
      if (pulled >= total) return controller.close();
      pulled += chunkSize;
      controller.enqueue(filler.slice());
    },
  });
  return { stream, pulled: () => pulled };
}

/** The same as a Node stream (Fastify `inject()`). */
export function nodeStream(request: TestRequest): { stream: Readable; pulled(): number } {
  let pulled = 0;
  const { stream: streamed, stall } = request;
  const stream = new Readable({
    read() {
      if (stall) {
        if (pulled === 0) {
          pulled = Buffer.byteLength(stall.sent);
          this.push(stall.sent);
        }
        return; // never more: the body stalls
      }
      if (pulled >= (streamed?.bytes ?? 0)) return void this.push(null);
      pulled += chunkSize;
      this.push(Buffer.from(filler));
    },
  });
  return { stream, pulled: () => pulled };
}

/** Drives a Web handler in-process (`receiver.fetch`, Hono's `app.request`). */
export function webSender(handle: (request: Request) => Response | Promise<Response>, url: string): Send {
  return async (request) => {
    const method = request.method ?? 'POST';
    const init: RequestInit & { duplex?: 'half' } = { method, headers: headersOf(request) };
    let pulled: (() => number) | undefined;
    if (request.stream || request.stall) {
      const body = webStream(request);
      init.body = body.stream;
      init.duplex = 'half';
      pulled = body.pulled;
    } else if (request.body !== undefined && !hasNoBody(method)) {
      init.body = request.body as BodyInit;
    }
    const response = await handle(new Request(url, init));
    const text = await response.text();
    return answer(response.status, (name) => response.headers.get(name) ?? undefined, text, pulled?.());
  };
}

/** Sends over real HTTP: `fetch` for whole bodies, `node:http` for streamed and stalled ones. */
export function httpSender(url: string): Send {
  return async (request) => {
    if (request.stream || request.stall) return streamOverHttp(url, request);
    const method = request.method ?? 'POST';
    const init: RequestInit = { method, headers: headersOf(request) };
    if (request.body !== undefined && !hasNoBody(method)) init.body = request.body as BodyInit;
    const response = await fetch(url, init);
    const text = await response.text();
    return answer(response.status, (name) => response.headers.get(name) ?? undefined, text);
  };
}

/**
 * Writes the body paced by backpressure and stops as soon as the answer arrives (a stalled body is
 * never finished). `consumed` is what the client had written by then.
 */
function streamOverHttp(url: string, request: TestRequest): Promise<TestResponse> {
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const req = http.request(url, { method: request.method ?? 'POST', headers: headersOf(request) });
    req.on('response', (res) => {
      answered = true;
      const writtenAtAnswer = written;
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => {
        req.destroy();
        const get = (name: string) => {
          const value = res.headers[name];
          return value === undefined ? undefined : String(value);
        };
        resolve(answer(res.statusCode ?? 0, get, Buffer.concat(parts).toString('utf8'), writtenAtAnswer));
      });
      res.on('error', reject);
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (request.stall) {
      written = Buffer.byteLength(request.stall.sent);
      req.write(request.stall.sent);
      return;
    }
    const total = request.stream?.bytes ?? 0;
    const pump = () => {
      while (!answered && written < total) {
        written += chunkSize;
        if (!req.write(filler)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

/** A response of `receive()` or Fastify's `inject()`: status, a header record and the body text. */
export function fromRecord(
  status: number,
  headers: Readonly<Record<string, unknown>>,
  text: string,
  consumed?: number,
): TestResponse {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const get = (name: string) => (lower[name] === undefined ? undefined : String(lower[name]));
  return answer(status, get, text, consumed);
}
