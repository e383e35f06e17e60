import http from 'node:http';

export interface Sent {
  readonly status: number;
  readonly headers: Headers;
  readonly json: Record<string, unknown>;
}

/** One request over real HTTP; the answer's JSON body parsed. */
export async function send(
  url: string,
  {
    method = 'POST',
    headers = {},
    body,
  }: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<Sent> {
  const response = await fetch(url, { method, headers, ...(body !== undefined && { body }) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : {} };
}

/**
 * Streams `total` bytes in 64 KiB chunks without Content-Length and stops as soon as the answer
 * arrives; `sentBytes` shows how much the server let in before answering.
 */
export function streamBody(
  url: string,
  total: number,
  headers: Record<string, string>,
): Promise<{ status: number; sentBytes: number }> {
  const { hostname, port, pathname } = new URL(url);
  return new Promise((resolve, reject) => {
    let sentBytes = 0;
    let answered = false;
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const req = http.request({
      host: hostname,
      port,
      path: pathname,
      method: 'POST',
      headers: { ...headers, 'transfer-encoding': 'chunked' },
    });
    req.on('response', (res) => {
      answered = true;
      res.resume();
      resolve({ status: res.statusCode ?? 0, sentBytes });
    });
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const pump = () => {
      while (!answered && sentBytes < total) {
        sentBytes += chunk.byteLength;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

const encoder = new TextEncoder();
const base64url = (bytes: Uint8Array | string) =>
  Buffer.from(typeof bytes === 'string' ? encoder.encode(bytes) : bytes).toString('base64url');

/** An HS256 `X-FusionAuth-Signature-JWT` for `body`, built with Web Crypto only (independent of the verifier). */
export async function hs256Signature(body: string, secret: string): Promise<string> {
  const digest = Buffer.from(await crypto.subtle.digest('SHA-256', encoder.encode(body))).toString('base64');
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const input = `${header}.${base64url(JSON.stringify({ request_body_sha256: digest }))}`;
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return `${input}.${base64url(new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(input))))}`;
}
