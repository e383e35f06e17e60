import { fusionWebhook } from '@authhooks/hono';
import { Hono } from 'hono';
const audit = { record: (_eventType: string | undefined): void => {} };
// #region readme
const app = new Hono()
  .use('/fusionauth-webhook', fusionWebhook({ passThrough: true }))
  .post('/fusionauth-webhook', (c) => {
    audit.record(c.var.authhooks.eventType); // typed from the provider's events
    return c.body(null); // ignored: the webhook's answer is sent
  });
// #endregion readme
export { app };
