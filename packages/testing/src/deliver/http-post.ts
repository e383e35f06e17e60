import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';

export type DeliveryErrorCode =
  | 'connect_timeout'
  | 'read_timeout'
  | 'connection_refused'
  | 'unknown_host'
  | 'network_error'
  | 'invalid_url';

/** The request never got an answer: FusionAuth counts this exactly like a non-2xx status. */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
  readonly code: DeliveryErrorCode;
  constructor(code: DeliveryErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The first `maxResponseBytes` of the answer. */
  readonly body: Uint8Array;
}

export interface HttpPostOptions {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
  /** Time allowed to open the TCP connection (FusionAuth's `connectTimeout`). */
  readonly connectTimeoutMs: number;
  /** Longest silence allowed while waiting for the answer (FusionAuth's `readTimeout`, a socket read timeout). */
  readonly readTimeoutMs: number;
  readonly maxResponseBytes?: number;
}

const defaultMaxResponseBytes = 1024 * 1024;

/**
 * One POST over a fresh connection, with the two timeouts FusionAuth applies to a webhook: the
 * connection must open within `connectTimeoutMs`, and the answer may not pause longer than `readTimeoutMs`.
 */
export function httpPost(url: URL, options: HttpPostOptions): Promise<RawResponse> {
  const client = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : undefined;
  if (client === undefined) {
    return Promise.reject(
      new DeliveryError('invalid_url', `${url.protocol} is not supported; webhook URLs use http or https`),
    );
  }
  const limit = options.maxResponseBytes ?? defaultMaxResponseBytes;
  return new Promise((resolve, reject) => {
    let connectTimer: NodeJS.Timeout | undefined;
    const request = client.request(url, {
      method: 'POST',
      agent: false,
      headers: { ...options.headers, 'content-length': String(options.body.byteLength) },
    });
    const fail = (error: DeliveryError) => request.destroy(error);

    request.on('socket', (socket: Socket) => {
      const whenConnected = () => {
        clearTimeout(connectTimer);
        socket.setTimeout(options.readTimeoutMs, () =>
          fail(new DeliveryError('read_timeout', `read timeout after ${options.readTimeoutMs} ms`)),
        );
      };
      if (!socket.connecting) return whenConnected();
      connectTimer = setTimeout(
        () =>
          fail(new DeliveryError('connect_timeout', `connect timeout after ${options.connectTimeoutMs} ms`)),
        options.connectTimeoutMs,
      );
      socket.once('connect', whenConnected);
    });

    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        if (size >= limit) return;
        chunks.push(chunk.subarray(0, limit - size));
        size += chunk.byteLength;
      });
      response.on('end', () => {
        clearTimeout(connectTimer);
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(response.headers)) {
          if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        resolve({ status: response.statusCode ?? 0, headers, body: new Uint8Array(Buffer.concat(chunks)) });
      });
      response.on('error', (error) => reject(asDeliveryError(error)));
    });

    request.on('error', (error) => {
      clearTimeout(connectTimer);
      reject(asDeliveryError(error));
    });
    request.on('close', () => clearTimeout(connectTimer));
    request.end(options.body);
  });
}

function asDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const code = (error as { code?: string }).code;
  if (code === 'ECONNREFUSED')
    return new DeliveryError('connection_refused', 'connection refused', { cause: error });
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new DeliveryError('unknown_host', 'host name not found', { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new DeliveryError('network_error', code === undefined ? message : `${code}: ${message}`, {
    cause: error,
  });
}
