import http from 'node:http';
import { silentLogger } from '@authhooks/core';
import { nodeHandler } from '@authhooks/core/node';
import { fusionReceiver } from '@authhooks/fusionauth';
import { touchUserId } from '../lib/touch.js';
import { listenNode, serveChild } from './serve-child.js';

await serveChild(({ authorization }) => {
  const receiver = fusionReceiver({ authorization, logger: silentLogger });
  const handler = nodeHandler(receiver).on('user.update', (event) => touchUserId(event.user.id));
  return listenNode(http.createServer(handler));
});
