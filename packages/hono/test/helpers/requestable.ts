/** Any Hono app, whatever its Env and schema: only `app.request()` is used. */
export interface Requestable {
  request(input: string | Request, init?: RequestInit): Response | Promise<Response>;
}
