import http from 'node:http';

export interface KeepAliveRequest {
  readonly method: string;
  /** An array value sends the header once per item. */
  readonly headers: Readonly<Record<string, string | readonly string[]>>;
  readonly body: string | Uint8Array;
}

export interface KeepAliveAnswer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

export interface KeepAliveClient {
  send(request: KeepAliveRequest): Promise<KeepAliveAnswer>;
  close(): void;
}

/**
 * Many requests to one URL over a few kept-alive connections (as a provider's HTTP client sends them),
 * so a fuzzer can send thousands per second. A request that meets a connection the server has just
 * closed (it closes after answering an unread body) is sent again once on a fresh one, as Node advises.
 */
export function keepAliveClient(url: string, maxSockets = 8): KeepAliveClient {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const target = new URL(url);
  const attempt = (request: KeepAliveRequest, retried: boolean): Promise<KeepAliveAnswer> =>
    new Promise((resolve, reject) => {
      const req = http.request({
        agent,
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: request.method,
        headers: {
          ...(request.headers as http.OutgoingHttpHeaders),
          'content-length': Buffer.byteLength(request.body),
        },
      });
      req.on('response', (res) => {
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(parts).toString('utf8'),
          }),
        );
        res.on('error', reject);
      });
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (!retried && req.reusedSocket && error.code === 'ECONNRESET') {
          attempt(request, true).then(resolve, reject);
        } else reject(error);
      });
      req.end(request.body);
    });
  return { send: (request) => attempt(request, false), close: () => agent.destroy() };
}
