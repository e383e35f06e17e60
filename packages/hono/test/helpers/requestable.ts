/** Any Hono app, whatever its Env and schema: only `app.request()` is used. */
export interface Requestable {
  request(path: string, init: RequestInit): Response | Promise<Response>;
}
