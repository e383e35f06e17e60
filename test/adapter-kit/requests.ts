import { basicUser, secret } from './provider.js';

export interface TestRequest {
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface TestResponse {
  readonly status: number;
  header(name: string): string | undefined;
  readonly text: string;
  readonly json: unknown;
}

/** One request to the webhook under test, however the framework is driven (in-process or over HTTP). */
export type Send = (request: TestRequest) => Promise<TestResponse>;

export const basicAuthorization = `Basic ${btoa(`${basicUser.username}:${basicUser.password}`)}`;

export function eventBody(
  type: string,
  fields: { id?: string; userId?: string; email?: string; tenantId?: string; noUser?: boolean } = {},
): string {
  const user = fields.noUser
    ? {}
    : { user: { id: fields.userId ?? 'u-1', email: fields.email ?? 'a@example.com' } };
  const tenant = fields.tenantId === undefined ? {} : { tenantId: fields.tenantId };
  return JSON.stringify({ event: { type, id: fields.id ?? `evt-${type}`, ...tenant, ...user } });
}

/** An authenticated JSON POST carrying one event; `headers` override the defaults (`undefined` drops one). */
export function delivery(
  body: string,
  headers: Record<string, string | undefined> = {},
): Required<TestRequest> {
  const merged: Record<string, string | undefined> = {
    'content-type': 'application/json',
    authorization: secret,
    ...headers,
  };
  const present = Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return { method: 'POST', headers: Object.fromEntries(present), body };
}

/** Normalises a Web `Response` (Hono `app.request`, `fetch`). */
export async function fromResponse(response: Response): Promise<TestResponse> {
  const text = await response.text();
  return {
    status: response.status,
    header: (name) => response.headers.get(name) ?? undefined,
    text,
    json: parseOrText(text),
  };
}

export function parseOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Sends over real HTTP with `fetch`. */
export function fetchSender(url: () => string): Send {
  return async (request) => {
    const init: RequestInit = { method: request.method ?? 'POST', headers: request.headers ?? {} };
    if (request.body !== undefined) init.body = request.body;
    return fromResponse(await fetch(url(), init));
  };
}
