import type { AddressInfo } from 'node:net';
import { fusionWebhook } from '@authhooks/fastify';
import Fastify from 'fastify';
import { onUserDelete } from './shared.cjs';

async function main() {
  const app = Fastify();
  await app.register(fusionWebhook({ path: '/fusionauth-webhook' }).on('user.delete', onUserDelete));
  await app.listen({ host: '127.0.0.1', port: 0 });
  console.log(`listening http://127.0.0.1:${(app.server.address() as AddressInfo).port}/fusionauth-webhook`);
}
main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
