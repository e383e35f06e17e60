// `npm run example:nextjs`: checks the secret first (one line, no stack), then `next build` and
// `next start` on 127.0.0.1 (PORT, default 3000).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const variables = [
  'FUSIONAUTH_WEBHOOK_AUTHORIZATION',
  'FUSIONAUTH_WEBHOOK_BASIC_USERNAME',
  'FUSIONAUTH_WEBHOOK_HMAC_SECRET',
  'FUSIONAUTH_JWKS_URL',
];
if (!variables.some((name) => process.env[name])) {
  console.error(
    'Set FUSIONAUTH_WEBHOOK_AUTHORIZATION to the Authorization header value of your FusionAuth webhook ' +
      '(Settings → Webhooks → Headers), e.g. FUSIONAUTH_WEBHOOK_AUTHORIZATION=a-long-random-value npm run example:nextjs',
  );
  process.exit(1);
}
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const bin = fileURLToPath(new URL('../node_modules/.bin/next', import.meta.url));
const next = (args) => spawnSync(bin, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
const built = next(['build']);
if (built.status !== 0) process.exit(built.status ?? 1);
const started = next(['start', '--hostname', '127.0.0.1', '--port', process.env.PORT ?? '3000']);
process.exit(started.status ?? 1);
