import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { startUntil } from '../../../test/support/child.js';
import { cleanEnv } from '../../../test/support/clean-env.js';
import { freePort } from '../../../test/support/free-port.js';
import { signedUserDelete } from '../../../test/support/signed-delivery.js';

// The real thing: `next build` (over the built @authhooks packages, as a user's app resolves them),
// then `next start` on 127.0.0.1, answering FusionAuth deliveries signed with an HMAC key.
const example = fileURLToPath(new URL('..', import.meta.url));
const next = join(example, 'node_modules', '.bin', 'next');
const secret = 'nextjs-example-hmac-secret';

/** The environment without any FUSIONAUTH_* variable, plus `extra`. */
function env(extra: Record<string, string> = {}) {
  const base = cleanEnv({ NEXT_TELEMETRY_DISABLED: '1', ...extra });
  for (const name of Object.keys(base))
    if (name.startsWith('FUSIONAUTH_') && !(name in extra)) delete base[name];
  return base;
}

beforeAll(async () => {
  // No secret at build time: the route creates its receiver on the first request.
  await promisify(execFile)(next, ['build'], { cwd: example, env: env(), maxBuffer: 32 * 1024 * 1024 });
}, 600_000);

describe('the Next.js example', () => {
  it('next start answers a signed delivery 200, a forged one 401, a GET 405', async () => {
    const port = await freePort();
    const server = await startUntil(
      next,
      ['start', '--hostname', '127.0.0.1', '--port', String(port)],
      /Ready in/,
      {
        cwd: example,
        env: env({ FUSIONAUTH_WEBHOOK_HMAC_SECRET: secret }),
        timeoutMs: 60_000,
      },
    );
    try {
      const url = `http://127.0.0.1:${port}/fusionauth-webhook`;
      const signed = signedUserDelete(secret);
      const handled = await fetch(url, { method: 'POST', headers: signed.headers, body: signed.body });
      expect([handled.status, await handled.json()]).toEqual([
        200,
        { outcome: 'handled', eventId: signed.eventId, eventType: 'user.delete' },
      ]);
      const forged = signedUserDelete('not-the-secret');
      const refused = await fetch(url, { method: 'POST', headers: forged.headers, body: forged.body });
      expect([refused.status, (await refused.json()).outcome]).toEqual([401, 'unauthorized']);
      expect((await fetch(url)).status).toBe(405);
    } finally {
      await server.stop();
    }
  }, 120_000);

  it('npm run example:nextjs without a secret: exits 1 with one friendly line', async () => {
    const child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: example, env: env() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise((resolve) => child.once('close', resolve));
    expect([code, stdout]).toEqual([1, '']);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^Set FUSIONAUTH_WEBHOOK_AUTHORIZATION to the Authorization header value/);
  });
});
