import { createHandler } from './handler.mjs';

const server = Bun.serve({
  hostname: '127.0.0.1',
  port: 0,
  fetch: createHandler({ authorization: Bun.env.AUTHORIZATION, hmacSecret: Bun.env.HMAC_SECRET }),
});
console.log(`listening http://127.0.0.1:${server.port}`);
