import { createHandler } from './handler.mjs';

const handler = createHandler({
  authorization: Deno.env.get('AUTHORIZATION'),
  hmacSecret: Deno.env.get('HMAC_SECRET'),
});
Deno.serve(
  {
    hostname: '127.0.0.1',
    port: 0,
    onListen: ({ port }) => console.log(`listening http://127.0.0.1:${port}`),
  },
  handler,
);
