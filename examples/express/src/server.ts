import { createApp } from './app.js';

const authorization = process.env.FUSIONAUTH_WEBHOOK_AUTHORIZATION;
if (!authorization) {
  console.error(
    'Set FUSIONAUTH_WEBHOOK_AUTHORIZATION to the Authorization header value of your FusionAuth webhook ' +
      '(Settings → Webhooks → Headers), e.g. FUSIONAUTH_WEBHOOK_AUTHORIZATION=a-long-random-value npm run example:express',
  );
  process.exit(1);
}
const port = Number(process.env.PORT ?? 3000);
const { app } = createApp({ authorization });
const server = app.listen(port, '127.0.0.1', () => {
  const { port: actual } = server.address() as { port: number };
  console.log(`FusionAuth webhook receiver on http://127.0.0.1:${actual}/fusionauth-webhook`);
});
