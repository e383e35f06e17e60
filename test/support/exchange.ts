import net from 'node:net';
import { parseAnswer } from './raw-http.js';

export interface Exchange {
  readonly method?: string;
  /** [name, value] pairs sent byte for byte, in order, names as written (duplicates allowed). */
  readonly headers: readonly (readonly [string, string])[];
  readonly body?: string | Uint8Array;
  /** Send this many bytes of spaces with `Transfer-Encoding: chunked` instead of `body`. */
  readonly chunkedBytes?: number;
  /** Give up (close the connection and reject) when no answer came by then. Default 10 000 ms. */
  readonly answerWithinMs?: number;
}

export interface Answer {
  readonly status: number;
  /** Lower-case names; a repeated header's values joined with ", ". */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** The whole answer as received (head and body), to search for leaks. */
  readonly raw: string;
}

/**
 * One request on its own connection, written byte for byte (so it can carry what `fetch` refuses to
 * send: a header twice, a name in capitals, bytes that are not UTF-8). A server that answers before
 * reading the whole body and closes is fine: the answer is kept, the reset that follows is not an error.
 */
export function exchange(url: string, request: Exchange): Promise<Answer> {
  const { hostname, port, pathname } = new URL(url);
  const body = request.body === undefined ? Buffer.alloc(0) : Buffer.from(request.body);
  const framing =
    request.chunkedBytes === undefined ? `content-length: ${body.byteLength}` : 'transfer-encoding: chunked';
  const head = [
    `${request.method ?? 'POST'} ${pathname} HTTP/1.1`,
    `host: ${hostname}:${port}`,
    'connection: close',
    framing,
    ...request.headers.map(([name, value]) => `${name}: ${value}`),
  ].join('\r\n');
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    const parts: Buffer[] = [];
    let answered = false;
    const limitMs = request.answerWithinMs ?? 10_000;
    const timer = setTimeout(() => {
      socket.destroy(new Error(`no answer from ${url} within ${limitMs} ms`));
    }, limitMs);
    const finish = (error?: Error) => {
      clearTimeout(timer);
      const text = Buffer.concat(parts).toString('utf8');
      if (text.includes('\r\n\r\n')) return resolve(parse(text));
      reject(error ?? new Error(`no answer from ${url}`));
    };
    socket.on('data', (part) => {
      parts.push(part);
      answered = true;
    });
    socket.on('error', (error) => (answered ? undefined : finish(error)));
    socket.on('close', () => finish());
    socket.on('end', () => socket.destroy());
    socket.write(`${head}\r\n\r\n`);
    // Never half-close (socket.end): Node's http server drops a request whose client sent FIN before
    // the answer was ready. The server closes the connection after answering (`connection: close`).
    if (request.chunkedBytes === undefined) return void socket.write(body);
    pumpChunks(socket, request.chunkedBytes, () => answered);
  });
}

function pumpChunks(socket: net.Socket, total: number, stop: () => boolean): void {
  const chunk = Buffer.concat([Buffer.from('10000\r\n'), Buffer.alloc(0x10000, 0x20), Buffer.from('\r\n')]);
  let sent = 0;
  const pump = () => {
    while (!stop() && !socket.destroyed && sent < total) {
      sent += 0x10000;
      if (!socket.write(chunk)) return void socket.once('drain', pump);
    }
    if (!stop() && !socket.destroyed) socket.write('0\r\n\r\n');
  };
  pump();
}

function parse(raw: string): Answer {
  return { ...parseAnswer(raw), raw };
}
