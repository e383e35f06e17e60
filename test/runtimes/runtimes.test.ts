import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { type Started, startUntil } from '../support/child.js';
import { cleanEnv } from '../support/clean-env.js';
import { freePort } from '../support/free-port.js';
import { expectBehaviourTable, expectClientGone, secrets } from './behaviour.js';

/**
 * `fusionReceiver(...).fetch` under Bun, Deno and Cloudflare's workerd, over the built packages. The
 * runtimes are optionalDependencies of this directory's package (binaries shipped in npm packages):
 * where one could not be installed, its test is skipped with a warning, except under CI=true.
 */

const here = fileURLToPath(new URL('.', import.meta.url));
const require = createRequire(import.meta.url);

/**
 * Each runtime's own executable, never its `node_modules/.bin` shim: the shim (a shell script, or for
 * Deno a Node script) runs the binary as a child, so stopping the shim left the server running.
 */
const executables: Record<string, string> = { bun: 'bin/bun.exe', deno: 'deno', workerd: 'bin/workerd' };
function bin(name: string): string {
  try {
    return join(dirname(require.resolve(`${name}/package.json`)), executables[name] ?? name);
  } catch {
    return join(here, 'node_modules', name, executables[name] ?? name); // not installed: existsSync says so
  }
}
const ci = process.env.CI === 'true';

function version(name: string): string | undefined {
  if (!existsSync(bin(name))) return undefined;
  try {
    return execFileSync(bin(name), ['--version'], { encoding: 'utf8', timeout: 30_000 })
      .trim()
      .split('\n')[0];
  } catch {
    return undefined;
  }
}

/**
 * Runs the table under `name`, or says loudly why not (and fails under CI). `clientGone`: how a delivery
 * whose client gave up ends there: `client_gone` where the runtime aborts the request's signal, or
 * `handled` where it cannot tell the receiver (workerd 2026-11-17 runs the handler to its end).
 */
function describeRuntime(
  name: string,
  binary: string,
  start: () => Promise<Started>,
  clientGone: 'client_gone' | 'handled' = 'client_gone',
) {
  const installed = version(binary);
  describe(`${name} (${installed ?? 'not installed'})`, () => {
    if (installed === undefined) {
      const why = `${name} is not installed (${bin(binary)}); run \`npx -y pnpm@10 install\` to get it`;
      if (ci) {
        it('is installed (required under CI=true)', () => {
          expect.fail(why);
        });
      } else {
        console.warn(`\n⚠ SKIPPED: the ${name} runtime test. ${why}.\n`);
        it.skip(`answers the behaviour table (skipped: ${name} not installed)`, () => {});
      }
      return;
    }
    it('answers the behaviour table with the built packages, and sees a client that gives up', async () => {
      const server = await start();
      try {
        await expectBehaviourTable(server.match[1] ?? '');
        await expectClientGone(server.match[1] ?? '', clientGone);
      } catch (error) {
        throw new Error(`${String(error)}\n--- ${name} output ---\n${server.output()}`);
      } finally {
        await server.stop();
      }
    }, 60_000);
  });
}

const env = () => cleanEnv({ ...secrets, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' });

describeRuntime('Bun', 'bun', () =>
  startUntil(bin('bun'), ['app/bun-server.mjs'], /listening (\S+)/, { cwd: here, env: env() }),
);

describeRuntime('Deno', 'deno', () =>
  startUntil(
    bin('deno'),
    ['run', '--no-lock', '--allow-net=127.0.0.1', '--allow-env', '--allow-read', 'app/deno-server.mjs'],
    /listening (\S+)/,
    { cwd: here, env: env() },
  ),
);

describeRuntime(
  'Cloudflare workerd',
  'workerd',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'authhooks-workerd-'));
    await build({
      entryPoints: [join(here, 'app/worker.mjs')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      conditions: ['workerd', 'worker', 'browser'],
      outfile: join(dir, 'worker.js'),
      logLevel: 'error',
    });
    const port = await freePort();
    writeFileSync(join(dir, 'config.capnp'), workerdConfig(port));
    const started = await startUntil(bin('workerd'), ['serve', 'config.capnp', '--verbose'], null, {
      cwd: dir,
      env: env(),
    });
    const base = `http://127.0.0.1:${port}`;
    await waitForHttp(base, started);
    return {
      ...started,
      match: Object.assign([base, base], { index: 0, input: base }) as RegExpMatchArray,
      stop: async () => {
        await started.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  'handled',
);

function workerdConfig(port: number): string {
  const text = (value: string) => JSON.stringify(value);
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .worker)],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = "2025-09-01",
  bindings = [
    (name = "AUTHORIZATION", text = ${text(secrets.AUTHORIZATION)}),
    (name = "HMAC_SECRET", text = ${text(secrets.HMAC_SECRET)}),
  ],
);
`;
}

async function waitForHttp(base: string, started: Started): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) break;
    try {
      await fetch(`${base}/ready`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`workerd did not answer on ${base}:\n${started.output()}`);
}
