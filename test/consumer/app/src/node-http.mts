import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { nodeHandler } from '@authhooks/core/node';
import { fusionReceiver } from '@authhooks/fusionauth';
import { onUserDelete } from './shared.mjs';

const server = createServer(nodeHandler(fusionReceiver().on('user.delete', onUserDelete)));
server.listen(0, '127.0.0.1', () => {
  console.log(`listening http://127.0.0.1:${(server.address() as AddressInfo).port}/fusionauth-webhook`);
});
