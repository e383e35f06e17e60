import { start } from './app.js';

const { url } = await start(Number(process.env.PORT ?? 3000), { logger: true });
console.log(`FusionAuth webhook listening on ${url}/fusionauth-webhook`);
