import { silentLogger } from '@authhooks/core';
import { fusionReceiver } from '@authhooks/fusionauth';
import { listenFetch } from '../../servers/listen-fetch.js';
import { soakChild } from '../child.js';
import { soakStore, withStore } from '../store.js';

await soakChild(async (config, work) => {
  const { options, close } = soakStore(config);
  const receiver = fusionReceiver({
    authorization: config.authorization,
    ...options,
    logger: silentLogger,
  }).on('user.update', (event) => work(event.user.id));
  return withStore(await listenFetch(receiver.fetch), close);
});
