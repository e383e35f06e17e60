import { fusionWebhook } from '@authhooks/hono';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { onUserDelete } from './shared.mjs';

// Zero-config: the verifier comes from FUSIONAUTH_WEBHOOK_HMAC_SECRET.
const app = new Hono();
app.use('/fusionauth-webhook', fusionWebhook().on('user.delete', onUserDelete));
serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
  console.log(`listening http://127.0.0.1:${info.port}/fusionauth-webhook`);
});
