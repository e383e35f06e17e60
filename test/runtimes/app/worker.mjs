// A Cloudflare Worker: secrets arrive as bindings on `env`, so the handler is made on the first request.
import { createHandler } from './handler.mjs';

let handler;
export default {
  fetch(request, env) {
    handler ??= createHandler({ authorization: env.AUTHORIZATION, hmacSecret: env.HMAC_SECRET });
    return handler(request);
  },
};
