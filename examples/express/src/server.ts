import { createApp } from './app.js';

const authorization = process.env.FUSIONAUTH_WEBHOOK_AUTHORIZATION;
if (!authorization) {
  console.error(
    'Set FUSIONAUTH_WEBHOOK_AUTHORIZATION to the Authorization header value configured on the webhook.',
  );
  process.exit(1);
}
const port = Number(process.env.PORT ?? 3000);
const { app } = createApp({ authorization });
app.listen(port, () => {
  console.log(`FusionAuth webhook receiver on http://localhost:${port}/fusionauth-webhook`);
});
