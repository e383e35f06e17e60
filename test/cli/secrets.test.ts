// Secrets on the CLI (issue 18 item 16): read from the receivers' environment variables, a file or
// stdin, never echoed; and a closed pipe (`authhooks samples | head -1`) ends quietly.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '@authhooks/core';
import { fusionReceiver } from '@authhooks/fusionauth';
import { logtoReceiver } from '@authhooks/logto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type Running } from './receivers.js';
import { runCli, startCli } from './run-cli.js';

const key = 'cli-secret-authorization-value';
const signingKey = 'cli-secret-logto-signing-key';
const dir = mkdtempSync(join(tmpdir(), 'authhooks-cli-secrets-'));
const running: Running[] = [];
let byHeader: string;
let byBasic: string;
let byLogto: string;

beforeAll(async () => {
  running.push(
    await listen(fusionReceiver({ authorization: key, logger: silentLogger }).on('user.create', () => {})),
    await listen(
      fusionReceiver({ basicAuth: { username: 'fa', password: 'p:w' }, logger: silentLogger }).on(
        'user.create',
        () => {},
      ),
    ),
    await listen(logtoReceiver({ signingKey, logger: silentLogger }).on('User.Created', () => {})),
  );
  [byHeader, byBasic, byLogto] = running.map((server) => server.url) as [string, string, string];
});
afterAll(async () => {
  await Promise.all(running.map((server) => server.close()));
  rmSync(dir, { recursive: true, force: true });
});

/** Whether the run committed (exit 0) and printed the secret nowhere. */
function expectCommittedQuietly(
  run: { code: number | null; stdout: string; stderr: string },
  secret: string,
) {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout + run.stderr).not.toContain(secret);
}

describe.concurrent('authhooks secrets', { timeout: 120_000 }, () => {
  it('send reads FUSIONAUTH_WEBHOOK_AUTHORIZATION when --authorization is not given', async () => {
    const run = await runCli(['send', 'user.create', '--url', byHeader], {
      FUSIONAUTH_WEBHOOK_AUTHORIZATION: key,
    });
    expectCommittedQuietly(run, key);
  });

  it('send reads --authorization-file (its first line) and --authorization - (stdin)', async () => {
    const file = join(dir, 'authorization');
    writeFileSync(file, `${key}\n`);
    expectCommittedQuietly(
      await runCli(['send', 'user.create', '--url', byHeader, '--authorization-file', file]),
      key,
    );

    const child = startCli(['send', 'user.create', '--url', byHeader, '--authorization', '-']);
    child.stdin.end(`${key}\n`);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expectCommittedQuietly({ code, stdout, stderr }, key);
  });

  it('send reads Basic credentials from FUSIONAUTH_WEBHOOK_BASIC_USERNAME and _PASSWORD', async () => {
    const run = await runCli(['send', 'user.create', '--url', byBasic], {
      FUSIONAUTH_WEBHOOK_BASIC_USERNAME: 'fa',
      FUSIONAUTH_WEBHOOK_BASIC_PASSWORD: 'p:w',
    });
    expectCommittedQuietly(run, 'p:w');
  });

  it('send-logto reads LOGTO_WEBHOOK_SIGNING_KEY', async () => {
    const run = await runCli(['send-logto', 'User.Created', '--url', byLogto], {
      LOGTO_WEBHOOK_SIGNING_KEY: signingKey,
    });
    expect(run.stdout).not.toContain('unsigned');
    expectCommittedQuietly(run, signingKey);
  });

  it('a malformed --basic or --header is refused without echoing it', async () => {
    const basic = await runCli(['send', 'user.create', '--url', byBasic, '--basic', 'no-colon-hunter2']);
    expect(basic.code).toBe(2);
    expect(basic.stderr).toContain('--basic is user:password');
    expect(basic.stderr).not.toContain('hunter2');
    const header = await runCli(['send', 'user.create', '--url', byHeader, '--header', 'Bearer-hunter2']);
    expect(header.code).toBe(2);
    expect(header.stderr).toContain('--header is "Name: value"');
    expect(header.stderr).not.toContain('hunter2');
  });

  it('a secret given both ways, or an empty file, is a usage error naming the option only', async () => {
    const empty = join(dir, 'empty');
    writeFileSync(empty, '');
    const both = await runCli([
      'send',
      'user.create',
      '--url',
      byHeader,
      '--authorization',
      'x',
      '--authorization-file',
      empty,
    ]);
    expect([both.code, both.stderr]).toEqual([
      2,
      expect.stringContaining('give --authorization or --authorization-file, not both'),
    ]);
    const none = await runCli(['send', 'user.create', '--url', byHeader, '--authorization-file', empty]);
    expect([none.code, none.stderr]).toEqual([2, expect.stringContaining('--authorization-file is empty')]);
  });

  it('--help says why secrets on the command line are unsafe', async () => {
    const { stdout } = await runCli(['send', '--help']);
    expect(stdout).toContain('visible to every user of the machine (ps, /proc)');
    expect(stdout).toContain('[$FUSIONAUTH_WEBHOOK_AUTHORIZATION]');
  });

  it('`authhooks samples | head -1`: a closed pipe ends the CLI quietly', async () => {
    const child = startCli(['samples']);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Error|at /);
    expect(code).toBe(0);
  });
});
