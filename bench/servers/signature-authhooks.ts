import http from 'node:http';
import { silentLogger } from '@authhooks/core';
import { nodeHandler } from '@authhooks/core/node';
import { fusionReceiver } from '@authhooks/fusionauth';
import { touchUserId } from '../lib/touch.js';
import { listenNode, serveChild } from './serve-child.js';

await serveChild(({ signature }) => {
  if (signature === undefined) throw new Error('signature-authhooks needs a signature config');
  const receiver = fusionReceiver({
    signature:
      signature.hmacSecret === undefined
        ? { publicKeys: signature.publicJwk === undefined ? [] : [signature.publicJwk] }
        : { hmacSecret: signature.hmacSecret },
    logger: silentLogger,
  });
  const handler = nodeHandler(receiver).on('user.update', (event) => touchUserId(event.user.id));
  return listenNode(http.createServer(handler));
});
