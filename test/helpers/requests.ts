import { httpSender } from '../conformance/client.js';

export { hs256Signature } from '../conformance/signing.js';

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
export async function streamBody(
  url: string,
  total: number,
  headers: Record<string, string>,
): Promise<{ status: number; sentBytes: number }> {
  const answer = await httpSender(url)({ headers, stream: { bytes: total } });
  return { status: answer.status, sentBytes: answer.consumed ?? 0 };
}
