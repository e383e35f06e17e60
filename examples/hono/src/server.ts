import { start } from './app.js';

if (!process.env.FUSIONAUTH_WEBHOOK_AUTHORIZATION) {
  console.error(
    'Set FUSIONAUTH_WEBHOOK_AUTHORIZATION to the Authorization header value of your FusionAuth webhook ' +
      '(Settings → Webhooks → Headers), e.g. FUSIONAUTH_WEBHOOK_AUTHORIZATION=a-long-random-value npm run example:hono',
  );
  process.exit(1);
}
const { url } = await start(Number(process.env.PORT ?? 3000));
console.log(`FusionAuth webhook receiver on ${url}/fusionauth-webhook`);
