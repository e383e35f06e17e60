import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs script without types
import { installConsumerApp } from '../../scripts/consumer-app.mjs';
import { startUntil } from '../support/child.js';
import { cleanEnv } from '../support/clean-env.js';
import {
  describeWithPostgres,
  type PostgresServer,
  startPostgresServer,
} from '../support/postgres-server.js';
import { describeWithRedis, type RedisServer, startRedisServer } from '../support/redis-server.js';
import { signedUserDelete } from '../support/signed-delivery.js';

/**
 * A new user's app, outside the repository: every package packed with pnpm as it is published,
 * installed with npm into a fresh directory under the OS temp dir (third-party packages from the app's
 * lockfile: `node scripts/consumer-app.mjs --latest` tries the newest), type-checked with the strictest
 * flags under both module resolutions, and run as ESM and as CommonJS on every adapter.
 */

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../', import.meta.url));
const secret = 'consumer-test-hmac-secret';
const adapters = ['express', 'hono', 'fastify', 'node-http', 'fetch'] as const;

interface Packed {
  readonly name: string;
  readonly version: string;
  readonly tarball: string;
}

let work: string;
let app: string;
let packed: Packed[];
const typeChecks = new Map<string, string>();

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'authhooks-consumer-'));
  // Third-party packages from the app's committed lockfile, ours from fresh tarballs.
  ({ app, packed } = installConsumerApp(work));
  // nodenext also emits build/*.mjs and build/*.cjs, which the adapter tests run.
  for (const mode of ['nodenext', 'bundler', 'node-only', 'drizzle']) {
    const result = await run(
      process.execPath,
      ['node_modules/typescript/bin/tsc', '-p', `tsconfig.${mode}.json`],
      {
        cwd: app,
      },
    ).catch((error: { stdout: string; stderr: string }) => error);
    typeChecks.set(mode, `${result.stdout}${result.stderr}`);
  }
}, 600_000);

afterAll(() => {
  if (work && !process.env.AUTHHOOKS_KEEP_CONSUMER) rmSync(work, { recursive: true, force: true });
});

describe('the packed packages', () => {
  it('every package under packages/ was packed, and none still says workspace:', () => {
    expect(packed.length).toBeGreaterThanOrEqual(6);
    for (const { name } of packed) {
      const manifest = readFileSync(join(app, 'node_modules', name, 'package.json'), 'utf8');
      expect(manifest, name).not.toContain('workspace:');
    }
  });

  it('npm pack in a package with workspace dependencies refuses, and says to use pnpm', async () => {
    const failure = await run('npm', ['pack', '--dry-run'], {
      cwd: join(repo, 'packages/express'),
      env: cleanEnv(),
    }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).not.toBe(0);
    expect(failure?.stderr).toMatch(/pnpm/);
  });
});

describe('a strict TypeScript app', () => {
  it.each(['nodenext', 'bundler', 'node-only', 'drizzle'])('type-checks as tsconfig.%s.json', (mode) => {
    expect(typeChecks.get(mode)).toBe('');
  });
});

describe.each(adapters)('%s', (adapter) => {
  it.each(['mjs', 'cjs'])(`as .%s answers a signed delivery 200 and a forged one 401`, async (format) => {
    const server = await startUntil(
      process.execPath,
      [join(app, 'build', `${adapter}.${format}`)],
      /listening (\S+)/,
      {
        cwd: app,
        env: cleanEnv({ FUSIONAUTH_WEBHOOK_HMAC_SECRET: secret, AUTHHOOKS_LOG_LEVEL: 'warn' }),
      },
    );
    try {
      const url = server.match[1] ?? '';
      const signed = signedUserDelete(secret);
      const handled = await fetch(url, { method: 'POST', headers: signed.headers, body: signed.body });
      expect([handled.status, await handled.json()]).toEqual([
        200,
        { outcome: 'handled', eventId: signed.eventId, eventType: 'user.delete' },
      ]);

      const forged = signedUserDelete('not-the-secret');
      const refused = await fetch(url, { method: 'POST', headers: forged.headers, body: forged.body });
      expect(refused.status).toBe(401);
      expect(await refused.json()).toMatchObject({
        outcome: 'unauthorized',
        error: 'signature check failed',
      });
    } finally {
      await server.stop();
    }
  });
});

describeWithRedis(
  "the app's own ioredis client (the major npm installs today) given to redisStore and webhookQueue",
  () => {
    let redis: RedisServer | undefined;
    beforeAll(async () => {
      redis = await startRedisServer();
    });
    afterAll(async () => {
      await redis?.stop();
    });

    it('type-checks (above), queues a delivery once, and a worker runs it', async () => {
      const installed = JSON.parse(readFileSync(join(app, 'node_modules/ioredis/package.json'), 'utf8'));
      expect(installed.version).toMatch(/^6\./);
      const server = await startUntil(
        process.execPath,
        [join(app, 'build/ioredis-client.mjs')],
        /listening (\S+)/,
        {
          cwd: app,
          env: cleanEnv({
            FUSIONAUTH_WEBHOOK_HMAC_SECRET: secret,
            REDIS_URL: redis?.url ?? '',
            AUTHHOOKS_LOG_LEVEL: 'warn',
          }),
        },
      );
      try {
        const url = server.match[1] ?? '';
        const signed = signedUserDelete(secret, undefined, 'user.delete.complete');
        const send = () => fetch(url, { method: 'POST', headers: signed.headers, body: signed.body });
        const first = await send();
        expect([first.status, await first.json()]).toEqual([
          202,
          { outcome: 'queued', eventId: signed.eventId, eventType: 'user.delete.complete' },
        ]);
        const again = await send();
        expect([again.status, (await again.json()).outcome]).toEqual([200, 'duplicate']);
        await expect
          .poll(() => server.output(), { timeout: 15_000 })
          .toContain(`worker handled ${signed.eventId}`);
      } catch (error) {
        throw new Error(`${String(error)}\n--- app output ---\n${server.output()}`);
      } finally {
        await server.stop();
      }
    }, 60_000);
  },
);

describeWithPostgres('@authhooks/postgres from its tarball: pgStore and the transactional inbox', () => {
  let postgres: PostgresServer | undefined;
  beforeAll(async () => {
    postgres = await startPostgresServer();
  });
  afterAll(async () => {
    await postgres?.stop();
  });

  it.each([
    'mjs',
    'cjs',
  ])('as .%s records the user and the event in one transaction; a copy is a duplicate', async (format) => {
    const server = await startUntil(
      process.execPath,
      [join(app, 'build', `postgres-inbox.${format}`)],
      /listening (\S+)/,
      {
        cwd: app,
        env: cleanEnv({
          FUSIONAUTH_WEBHOOK_HMAC_SECRET: secret,
          DATABASE_URL: postgres?.url ?? '',
          SCHEMA: `consumer_${format}`,
          AUTHHOOKS_LOG_LEVEL: 'warn',
        }),
      },
    );
    try {
      const url = server.match[1] ?? '';
      const signed = signedUserDelete(secret);
      const send = () => fetch(url, { method: 'POST', headers: signed.headers, body: signed.body });
      const first = await send();
      expect([first.status, (await first.json()).outcome]).toEqual([200, 'handled']);
      const again = await send();
      expect([again.status, (await again.json()).outcome]).toEqual([200, 'duplicate']);
      expect(server.output().match(/deleted /g)).toHaveLength(1);
    } catch (error) {
      throw new Error(`${String(error)}\n--- app output ---\n${server.output()}`);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
