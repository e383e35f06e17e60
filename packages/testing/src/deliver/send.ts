import { DeliveryError, httpPost } from './http-post.js';
import { type DeliveryTarget, resolveTarget } from './target.js';

/** What the webhook answered. */
export interface Delivery {
  readonly status: number;
  /** Parsed JSON when the answer is JSON, otherwise its text ('' when empty). */
  readonly body: unknown;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly durationMs: number;
}

export interface Timeouts {
  /** Milliseconds to open the connection (URL targets). */
  readonly connectTimeout?: number;
  /** Milliseconds the answer may keep the sender waiting; past it the delivery fails with a `DeliveryError`. */
  readonly readTimeout?: number;
  /** Path of the in-process `Request` (e.g. a Hono app's route). Default `/`. */
  readonly path?: string;
}

export interface WireRequest {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Uint8Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Sends one prepared request to any target and reads the answer. Rejects with `DeliveryError` when there is none. */
export async function sendWire(
  target: DeliveryTarget,
  wire: WireRequest,
  timeouts: {
    readonly connectTimeout: number;
    readonly readTimeout: number;
    readonly path?: string | undefined;
  },
): Promise<Delivery> {
  checkTimeout('connectTimeout', timeouts.connectTimeout);
  checkTimeout('readTimeout', timeouts.readTimeout);
  const resolved = resolveTarget(target);
  const body = typeof wire.body === 'string' ? encoder.encode(wire.body) : wire.body;
  const started = performance.now();
  if (resolved.kind === 'url') {
    const response = await httpPost(resolved.url, {
      headers: wire.headers,
      body,
      connectTimeoutMs: timeouts.connectTimeout,
      readTimeoutMs: timeouts.readTimeout,
    });
    return answer(response.status, response.headers, response.body, started);
  }
  const request = new Request(new URL(timeouts.path ?? '/', 'http://authhooks.test'), {
    method: 'POST',
    headers: wire.headers,
    body: body as Uint8Array<ArrayBuffer>,
  });
  const response = await withTimeout(
    (async () => {
      const response = await resolved.handle(request);
      return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
    })(),
    timeouts.readTimeout,
  );
  const headers: Record<string, string> = {};
  response.response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return answer(response.response.status, headers, response.bytes, started);
}

function answer(
  status: number,
  headers: Readonly<Record<string, string>>,
  bytes: Uint8Array,
  started: number,
): Delivery {
  const text = decoder.decode(bytes);
  let body: unknown = text;
  if (/[/+]json\b/i.test(headers['content-type'] ?? '') && text !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON after all: keep the text
    }
  }
  return { status, body, headers, durationMs: Math.round((performance.now() - started) * 10) / 10 };
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeliveryError('read_timeout', `read timeout after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function checkTimeout(name: string, value: number) {
  if (!Number.isInteger(value) || value <= 0) {
    throw new TypeError(
      `authhooks: ${name} is a whole number of milliseconds above 0, got ${String(value)}.`,
    );
  }
}
