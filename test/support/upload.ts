import http from 'node:http';

export interface UploadResult {
  /** 0 when the connection ended without an answer. */
  readonly status: number;
  readonly body: string;
}

/**
 * POSTs `body` with its Content-Length on a fresh connection and resolves with the answer, which may
 * come before the body is sent (the server refused it from the headers and closed the connection: the
 * write error that follows is expected and ignored).
 */
export function upload(
  url: string,
  headers: Record<string, string>,
  body: Uint8Array,
): Promise<UploadResult> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (result: UploadResult) => {
      if (done) return;
      done = true;
      req.destroy();
      resolve(result);
    };
    const req = http.request(url, {
      method: 'POST',
      agent: false,
      headers: { ...headers, 'content-length': String(body.byteLength) },
    });
    req.on('response', (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () =>
        finish({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8') }),
      );
      res.on('error', () => finish({ status: res.statusCode ?? 0, body: '' }));
    });
    req.on('error', () => setTimeout(() => finish({ status: 0, body: '' }), 200));
    req.end(body);
  });
}
