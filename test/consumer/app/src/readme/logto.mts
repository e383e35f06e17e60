import { provision, syncMembers } from './app-code.mjs';
// #region readme
import express from 'express';
import { logtoWebhook } from '@authhooks/express'; // or @authhooks/hono, @authhooks/fastify

const app = express();
// No signingKey option: reads LOGTO_WEBHOOK_SIGNING_KEY, and refuses to start without it.
app.use(
  '/logto-webhook',
  logtoWebhook()
    .on('User.Created', async (event) => provision(event.data?.id))
    .on('Organization.Membership.Updated', async (event) => syncMembers(event.organizationId)),
);
// #endregion readme
