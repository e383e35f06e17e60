import { fusionWebhook } from '@authhooks/express';
// #region readme
import pino from 'pino';

const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });
const webhook = fusionWebhook({ logger }) // authhooks' lines and ctx.log go to pino
  .on('user.delete', (event, ctx) => {
    ctx.log.info({ userId: event.user.id }, 'deleting the user’s data');
  });
// #endregion readme
export { webhook };
