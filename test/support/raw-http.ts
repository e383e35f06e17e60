import net from 'node:net';

export interface RawAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * Sends one HTTP/1.1 request byte for byte, so a test can send what `fetch` never would: the same
 * header twice, a body that stops halfway. `headers` is a list of [name, value] pairs, kept as given.
 */
export function rawRequest(
  url: string,
  { method = 'POST', headers, body = '' }: { method?: string; headers: [string, string][]; body?: string },
): Promise<RawAnswer> {
  const { hostname, port, pathname } = new URL(url);
  const head = [
    `${method} ${pathname} HTTP/1.1`,
    `host: ${hostname}:${port}`,
    'connection: close',
    `content-length: ${Buffer.byteLength(body)}`,
    ...headers.map(([name, value]) => `${name}: ${value}`),
  ].join('\r\n');
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    const parts: Buffer[] = [];
    socket.on('data', (part) => parts.push(part));
    socket.on('error', reject);
    socket.on('close', () => resolve(parseAnswer(Buffer.concat(parts).toString('utf8'))));
    socket.end(`${head}\r\n\r\n${body}`);
  });
}

/** An HTTP/1.1 answer as read off the socket: status, headers (repeated ones joined with ", "), body. */
export function parseAnswer(text: string): RawAnswer {
  const split = text.indexOf('\r\n\r\n');
  const [statusLine = '', ...lines] = text.slice(0, split).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  let body = text.slice(split + 4);
  if (headers['transfer-encoding'] === 'chunked') body = unchunk(body);
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}

function unchunk(text: string): string {
  let out = '';
  let rest = text;
  for (;;) {
    const end = rest.indexOf('\r\n');
    const size = Number.parseInt(rest.slice(0, end), 16);
    if (!size) return out;
    out += rest.slice(end + 2, end + 2 + size);
    rest = rest.slice(end + 2 + size + 2);
  }
}

/**
 * Sends the head and then the body one byte every `intervalMs`, as a slow or malicious client does.
 * Resolves with the answer (or status 0 when the server closed without one).
 */
export function trickle(
  url: string,
  headers: [string, string][],
  body: string,
  intervalMs: number,
): Promise<{ status: number; body: string; sentBytes: number }> {
  const { hostname, port, pathname } = new URL(url);
  const head = [
    `POST ${pathname} HTTP/1.1`,
    `host: ${hostname}:${port}`,
    'connection: close',
    `content-length: ${Buffer.byteLength(body)}`,
    ...headers.map(([name, value]) => `${name}: ${value}`),
  ].join('\r\n');
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    const parts: Buffer[] = [];
    let sent = 0;
    socket.write(`${head}\r\n\r\n`);
    const timer = setInterval(() => {
      if (sent >= body.length || socket.destroyed) return clearInterval(timer);
      socket.write(body[sent++] as string);
    }, intervalMs);
    socket.on('data', (part) => parts.push(part));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      const text = Buffer.concat(parts).toString('utf8');
      if (text === '') return resolve({ status: 0, body: '', sentBytes: sent });
      const answer = parseAnswer(text);
      resolve({ status: answer.status, body: answer.body, sentBytes: sent });
    });
  });
}

/** Sends the head and half the declared body, then destroys the socket: an upload aborted by the client. */
export function abortMidBody(url: string, headers: [string, string][], body: string): Promise<void> {
  const { hostname, port, pathname } = new URL(url);
  const head = [
    `POST ${pathname} HTTP/1.1`,
    `host: ${hostname}:${port}`,
    `content-length: ${Buffer.byteLength(body)}`,
    ...headers.map(([name, value]) => `${name}: ${value}`),
  ].join('\r\n');
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    socket.on('error', () => {});
    socket.write(`${head}\r\n\r\n${body.slice(0, body.length >> 1)}`, () => {
      setTimeout(() => {
        socket.destroy();
        resolve();
      }, 50);
    });
  });
}

/**
 * Declares `declaredBytes` and sends only the first `sentBytes`, then waits up to `waitMs` for an
 * answer. A server that needs the body before it answers sends nothing (status 0): this tells whether
 * it refused the request from its headers alone.
 */
export function partialBody(
  url: string,
  headers: [string, string][],
  declaredBytes: number,
  sentBytes: number,
  waitMs: number,
): Promise<{ status: number; body: string }> {
  const { hostname, port, pathname } = new URL(url);
  const head = [
    `POST ${pathname} HTTP/1.1`,
    `host: ${hostname}:${port}`,
    `content-length: ${declaredBytes}`,
    ...headers.map(([name, value]) => `${name}: ${value}`),
  ].join('\r\n');
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    const parts: Buffer[] = [];
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(parts).toString('utf8');
      if (!text.includes('\r\n\r\n')) return resolve({ status: 0, body: '' });
      const answer = parseAnswer(text);
      resolve({ status: answer.status, body: answer.body });
    };
    const timer = setTimeout(finish, waitMs);
    socket.on('error', () => {});
    socket.on('data', (part) => {
      parts.push(part);
      if (Buffer.concat(parts).toString('utf8').includes('\r\n\r\n')) setTimeout(finish, 20);
    });
    socket.on('close', finish);
    socket.write(`${head}\r\n\r\n`);
    socket.write(Buffer.alloc(sentBytes, 0x20));
  });
}
