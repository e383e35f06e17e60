import { fusionReceiver } from '@authhooks/fusionauth';
import { serve } from '@hono/node-server';
import { onUserDelete } from './shared.cjs';

// The Web-standard handler (what Next.js, Bun, Deno and Workers call), served on Node.
const receiver = fusionReceiver().on('user.delete', onUserDelete);
const handle: (request: Request) => Promise<Response> = receiver.fetch;
serve({ fetch: handle, hostname: '127.0.0.1', port: 0 }, (info) => {
  console.log(`listening http://127.0.0.1:${info.port}/fusionauth-webhook`);
});
