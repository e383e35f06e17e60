import http from 'node:http';
import { silentLogger } from '@authhooks/core';
import { nodeHandler } from '@authhooks/core/node';
import { fusionReceiver } from '@authhooks/fusionauth';
import { listenNode } from '../../servers/serve-child.js';
import { soakChild } from '../child.js';
import { soakStore, withStore } from '../store.js';

// Commit-aware: every user.create leaves a pending operation in the store until its
// user.create.complete commits it, so the soak shows whether those records stay bounded.
await soakChild(async (config, work) => {
  const { options, close } = soakStore(config);
  const receiver = fusionReceiver({ authorization: config.authorization, ...options, logger: silentLogger });
  const handler = nodeHandler(receiver)
    .on('user.create', (event) => work(event.user.id))
    .onCommit('user.create', (event) => work(event.user.id));
  return withStore(await listenNode(http.createServer(handler)), close);
});
