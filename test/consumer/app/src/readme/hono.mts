import { deleteUserData } from './app-code.mjs';
// #region readme
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { fusionWebhook } from '@authhooks/hono';

const app = new Hono();
// app.use (or app.all), not app.post: every method reaches the webhook, so a GET gets its 405.
app.use(
  '/fusionauth-webhook',
  fusionWebhook().on('user.delete', (event, ctx) => deleteUserData(event.user.id, { signal: ctx.signal })),
);
serve({ fetch: app.fetch, port: 3000 });
// #endregion readme
