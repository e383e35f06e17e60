import { silentLogger } from '@authhooks/core';
import { fusionReceiver } from '@authhooks/fusionauth';
import { touchUserId } from '../lib/touch.js';
import { listenFetch } from './listen-fetch.js';
import { serveChild } from './serve-child.js';

await serveChild(({ authorization }) => {
  const receiver = fusionReceiver({ authorization, logger: silentLogger }).on('user.update', (event) =>
    touchUserId(event.user.id),
  );
  return listenFetch(receiver.fetch);
});
