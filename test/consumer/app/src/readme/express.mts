import { blockedDomain, todos } from './app-code.mjs';
// #region readme
import express from 'express';
import { fusionWebhook } from '@authhooks/express';

// No verifier options: reads FUSIONAUTH_WEBHOOK_AUTHORIZATION (the Authorization header value set on
// the webhook in FusionAuth) or the other FUSIONAUTH_* variables, and refuses to start without one.
const webhook = fusionWebhook();

webhook.on('user.delete', async (event, ctx) => {
  await todos.deleteAllForUser(event.user.id, { signal: ctx.signal }); // event is a typed UserDeleteEvent
});

webhook.on('user.registration.create', async (event, ctx) => {
  if (blockedDomain(event.user.email)) ctx.reject('registration not allowed for this domain'); // a failed vote
});

const app = express();
app.use('/fusionauth-webhook', webhook); // before any express.json()
app.listen(3000);
// #endregion readme
