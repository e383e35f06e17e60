import type { AddressInfo } from 'node:net';
import { fusionWebhook } from '@authhooks/express';
import express from 'express';
import { handledUsers, hmacSecretFromEnv, onUserDelete } from './shared.mjs';

// Explicit options: the secret is a checked string, as exactOptionalPropertyTypes requires.
const webhook = fusionWebhook({ signature: { hmacSecret: hmacSecretFromEnv() } }).on(
  'user.delete',
  onUserDelete,
);

const app = express();
app.use('/fusionauth-webhook', webhook);
app.get('/handled', (_req, res) => {
  res.json(handledUsers);
});
const server = app.listen(0, '127.0.0.1', () => {
  console.log(`listening http://127.0.0.1:${(server.address() as AddressInfo).port}/fusionauth-webhook`);
});
