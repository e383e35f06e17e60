import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs script without types
import { packAll } from '../../scripts/pack-all.mjs';
import { startUntil } from '../support/child.js';
import { cleanEnv } from '../support/clean-env.js';
import { signedUserDelete } from '../support/signed-delivery.js';

/**
 * A new user's app, outside the repository: every package packed with pnpm as it is published,
 * installed with npm into a fresh directory under the OS temp dir, type-checked with the strictest
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

/** Used by the README's pino snippet; the workspace has it only through fastify. */
const extra: Record<string, string> = { pino: '^10.4.0' };

/** Third-party dependencies of the app, at the ranges the workspace itself is tested with. */
function thirdParty(): string[] {
  const e2e = JSON.parse(readFileSync(join(repo, 'test/package.json'), 'utf8'));
  const root = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  const range = (name: string) =>
    e2e.dependencies[name] ?? e2e.devDependencies[name] ?? root.devDependencies[name] ?? extra[name];
  return [
    'express',
    '@types/express',
    'hono',
    '@hono/node-server',
    'pino',
    'fastify',
    'ioredis',
    'redis',
    'typescript',
    '@types/node',
  ].map((name) => `${name}@${range(name)}`);
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'authhooks-consumer-'));
  packed = packAll(join(work, 'tarballs'));
  app = join(work, 'app');
  cpSync(join(repo, 'test/consumer/app'), app, { recursive: true });
  writeFileSync(join(app, '.npmrc'), 'audit=false\nfund=false\nupdate-notifier=false\n');
  await run(
    'npm',
    ['install', '--no-save', '--loglevel=error', ...packed.map((p) => p.tarball), ...thirdParty()],
    { cwd: app, env: cleanEnv(), maxBuffer: 16 * 1024 * 1024 },
  );
  // nodenext also emits build/*.mjs and build/*.cjs, which the adapter tests run.
  for (const mode of ['nodenext', 'bundler', 'node-only']) {
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
  it.each(['nodenext', 'bundler', 'node-only'])('type-checks as tsconfig.%s.json', (mode) => {
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
