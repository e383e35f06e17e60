import type { AddressInfo } from 'node:net';
import { fusionWebhook } from '@authhooks/express';

import express = require('express');

import { hmacSecretFromEnv, onUserDelete } from './shared.cjs';

const webhook = fusionWebhook({ signature: { hmacSecret: hmacSecretFromEnv() } }).on(
  'user.delete',
  onUserDelete,
);
const app = express();
app.use('/fusionauth-webhook', webhook);
const server = app.listen(0, '127.0.0.1', () => {
  console.log(`listening http://127.0.0.1:${(server.address() as AddressInfo).port}/fusionauth-webhook`);
});
