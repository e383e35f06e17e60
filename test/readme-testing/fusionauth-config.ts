import { fusionAuthWebhookConfig } from '@authhooks/testing';
import { webhook } from './webhook.js';

export const { webhook: hook, tenant } = fusionAuthWebhookConfig(webhook, {
  url: 'https://app.example.com/fusionauth-webhook',
  authorization: process.env.FUSIONAUTH_WEBHOOK_AUTHORIZATION,
  transactionType: 'Any', // or per event: { default: 'Any', 'user.login.success': 'None' }
});
// POST { webhook: hook } to /api/webhook and PATCH { tenant } to /api/tenant/<id>, or run
// `npx authhooks fusionauth config --url … --events user.registration.create,user.delete --transaction Any`.
