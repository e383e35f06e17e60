// Type-check cost of authhooks: the same app with @authhooks/express and two typed handlers.
import { fusionWebhook } from '@authhooks/express';
import express from 'express';

const webhook = fusionWebhook({ authorization: process.env.FUSIONAUTH_WEBHOOK_AUTHORIZATION ?? '' })
  .on('user.delete', async (event, ctx) => {
    console.log('forget', event.user.id, ctx.signal.aborted);
  })
  .on('user.registration.create', (event, ctx) => {
    if (event.user.email?.endsWith('@blocked.example'))
      ctx.reject('registration not allowed for this domain');
  });

const app = express();
app.use('/fusionauth-webhook', webhook);
app.listen(3000);
