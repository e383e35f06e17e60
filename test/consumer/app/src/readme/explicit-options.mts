import { fusionWebhook } from '@authhooks/express';
// #region readme
const authorization = process.env.FUSIONAUTH_WEBHOOK_AUTHORIZATION;
if (!authorization) throw new Error('Set FUSIONAUTH_WEBHOOK_AUTHORIZATION');

const webhook = fusionWebhook({
  authorization,
  signature: { jwksUrl: 'https://auth.example.com/.well-known/jwks.json' },
  timeoutMs: 1500,
  validation: 'strict',
});
// #endregion readme
export { webhook };
