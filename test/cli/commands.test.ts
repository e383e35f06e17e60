import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '@authhooks/core';
import { fusionAuthEventSchemas, fusionReceiver } from '@authhooks/fusionauth';
import { logtoReceiver } from '@authhooks/logto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type Running } from './receivers.js';
import { runCli, startCli, waitForLine } from './run-cli.js';

const key = 'cli-webhook-key';
const dir = mkdtempSync(join(tmpdir(), 'authhooks-cli-'));
const running: Running[] = [];
const seen: { type: string; email: string | undefined }[] = [];
let accepting: string;
let vetoing: string;

beforeAll(async () => {
  const accept = fusionReceiver({ authorization: key, logger: silentLogger }).on('user.*', (event) => {
    seen.push({ type: event.type, email: (event as { user?: { email?: string } }).user?.email });
  });
  const veto = fusionReceiver({ authorization: key, logger: silentLogger }).on('user.create', (_event, ctx) =>
    ctx.reject('domain blocked'),
  );
  running.push(await listen(accept), await listen(veto));
  [accepting, vetoing] = running.map((server) => server.url) as [string, string];
});
afterAll(async () => {
  await Promise.all(running.map((server) => server.close()));
  rmSync(dir, { recursive: true, force: true });
});

describe.concurrent('authhooks send', { timeout: 120_000 }, () => {
  it('commits when the transaction level is met, and says so', async () => {
    const { code, stdout, stderr } = await runCli([
      'send',
      'user.create',
      '--url',
      accepting,
      '--url',
      vetoing,
      '--authorization',
      key,
      '--transaction',
      'Any',
      '--data',
      '{"user":{"email":"cli@example.com"}}',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^user\.create → 2 webhooks · transaction Any · event [0-9a-f-]{36}$/m);
    expect(stdout).toMatch(new RegExp(`^  sent +\\d+ ms  ${accepting}  200$`, 'm'));
    expect(stdout).toMatch(new RegExp(`^  sent +\\d+ ms  ${vetoing}  422$`, 'm'));
    expect(stdout).toMatch(new RegExp(`^  retry 3 +\\d+ ms  ${vetoing}  422$`, 'm'));
    expect(stdout).toContain(
      'committed: 1 of 2 webhooks answered 2xx; Any needs 1. Failed webhooks were retried',
    );
    expect(seen).toContainEqual({ type: 'user.create', email: 'cli@example.com' });
  });

  it('exits 1 when FusionAuth would fail the operation, printing its 504 answer', async () => {
    const { code, stdout } = await runCli([
      'send',
      'user.create',
      '--url',
      accepting,
      '--url',
      vetoing,
      '--authorization',
      key,
      '--transaction',
      'AbsoluteMajority',
    ]);
    expect(code).toBe(1);
    expect(stdout).toContain(
      'rolled back: 1 of 2 webhooks answered 2xx; AbsoluteMajority needs 2. Nothing is retried.',
    );
    expect(stdout).toContain(
      'FusionAuth answers the API call 504 {"generalErrors":[{"code":"[WebhookTransactionException]"',
    );
    expect(stdout).not.toContain('retry');
  });

  it('--json prints the whole result', async () => {
    const { code, stdout } = await runCli([
      'send',
      'user.delete',
      '--url',
      accepting,
      '--authorization',
      'wrong',
      '--transaction',
      'SimpleMajority',
      '--json',
    ]);
    expect(code).toBe(1);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({
      eventType: 'user.delete',
      committed: false,
      apiStatus: 504,
      transactionType: 'SimpleMajority',
      attempts: [{ url: accepting, attempt: 1, ok: false, status: 401, body: { outcome: 'unauthorized' } }],
    });
  });

  it('a non-transactional type and the default None never fail, and say why', async () => {
    const complete = await runCli([
      'send',
      'user.create.complete',
      '--url',
      vetoing,
      '--transaction',
      'AbsoluteMajority',
    ]);
    expect(complete.code).toBe(0);
    expect(complete.stdout).toContain('user.create.complete is not transactional');
    const none = await runCli(['send', 'user.create', '--url', vetoing, '--authorization', key]);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('transaction None, FusionAuth does not wait for webhooks');
  });

  it('a closed port counts as a failure', async () => {
    const { code, stdout } = await runCli([
      'send',
      'user.create',
      '--url',
      'http://127.0.0.1:9/hook',
      '--transaction',
      'Any',
    ]);
    expect(code).toBe(1);
    expect(stdout).toContain('connection refused');
  });

  it('signs with --hmac-secret and with --private-key; a receiver with the right key accepts', async () => {
    const keys = JSON.parse((await runCli(['keys', '--alg', 'ES256', '--json'])).stdout);
    const pemFile = join(dir, 'es256.pem');
    writeFileSync(pemFile, keys.privateKeyPem);
    const hmac = await listen(
      fusionReceiver({ signature: { hmacSecret: 'shh' }, logger: silentLogger }).on('user.create', () => {}),
    );
    const ec = await listen(
      fusionReceiver({ signature: { publicKeys: [keys.publicKeyPem] }, logger: silentLogger }).on(
        'user.create',
        () => {},
      ),
    );
    try {
      const args = ['send', 'user.create', '--transaction', 'Any', '--json'];
      const signedHmac = await runCli([
        ...args,
        '--url',
        hmac.url,
        '--hmac-secret',
        'shh',
        '--kid',
        'hmac-1',
      ]);
      expect(JSON.parse(signedHmac.stdout).attempts[0].status).toBe(200);
      const wrongHmac = await runCli([...args, '--url', hmac.url, '--hmac-secret', 'nope']);
      expect(JSON.parse(wrongHmac.stdout).attempts[0].status).toBe(401);
      const signedEc = await runCli([...args, '--url', ec.url, '--private-key', pemFile]);
      expect(signedEc.code).toBe(0);
      expect(JSON.parse(signedEc.stdout).attempts[0].status).toBe(200);
    } finally {
      await Promise.all([hmac.close(), ec.close()]);
    }
  });

  it('stops at once on Ctrl-C while waiting for a slow webhook', async () => {
    const silent = http.createServer(() => {}); // accepts, never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const child = startCli([
      'send',
      'user.create',
      '--url',
      `http://127.0.0.1:${port}/hook`,
      '--read-timeout',
      '60000',
    ]);
    try {
      await new Promise<void>((resolve) => silent.once('connection', () => resolve()));
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.once('exit', (_code, signal) => resolve(signal)),
      );
      child.kill('SIGINT');
      expect(await exited).toBe('SIGINT');
    } finally {
      child.kill('SIGKILL');
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('sends Basic credentials with --basic', async () => {
    const basic = await listen(
      fusionReceiver({ basicAuth: { username: 'fa', password: 'p:w' }, logger: silentLogger }).on(
        'user.create',
        () => {},
      ),
    );
    try {
      const { code, stdout } = await runCli([
        'send',
        'user.create',
        '--url',
        basic.url,
        '--basic',
        'fa:p:w',
        '--transaction',
        'Any',
      ]);
      expect(code).toBe(0);
      expect(stdout).toContain(`${basic.url}  200`);
    } finally {
      await basic.close();
    }
  });
});

describe.concurrent('authhooks send-logto', { timeout: 120_000 }, () => {
  it('delivers a signed Logto event; another key fails with exit 1', async () => {
    const logto = await listen(
      logtoReceiver({ signingKey: 'logto-key', logger: silentLogger }).on('User.Created', () => {}),
    );
    try {
      const ok = await runCli([
        'send-logto',
        'User.Created',
        '--url',
        logto.url,
        '--signing-key',
        'logto-key',
      ]);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain(`${logto.url}  200`);
      expect(ok.stdout).toContain('delivered: every webhook answered 2xx.');
      const bad = await runCli([
        'send-logto',
        'User.Created',
        '--url',
        logto.url,
        '--signing-key',
        'other',
        '--json',
      ]);
      expect(bad.code).toBe(1);
      expect(JSON.parse(bad.stdout).results[0]).toMatchObject({ status: 401, ok: false });
    } finally {
      await logto.close();
    }
  });
});

describe.concurrent('authhooks sample, keys, fusionauth config', { timeout: 120_000 }, () => {
  it('sample prints a valid event; --body prints the wire body; --data changes it', async () => {
    const { code, stdout } = await runCli([
      'sample',
      'user.registration.create',
      '--data',
      '{"registration":{"roles":["admin"]}}',
    ]);
    expect(code).toBe(0);
    const event = JSON.parse(stdout);
    expect(fusionAuthEventSchemas['user.registration.create'].safeParse(event).success).toBe(true);
    expect(event.registration.roles).toEqual(['admin']);
    const body = await runCli(['sample', 'User.Created', '--body']);
    expect(body.stdout.trim()).toMatch(/^\{"event":"User\.Created",/);
    const wire = await runCli(['sample', 'user.delete', '--body']);
    expect(JSON.parse(wire.stdout).event.type).toBe('user.delete');
  });

  it('keys prints a key pair (PEM + JWK) or an HMAC secret', async () => {
    const pair = await runCli(['keys', '--alg', 'Ed25519', '--kid', 'k1']);
    expect(pair.code).toBe(0);
    expect(pair.stdout).toContain('Ed25519 key pair (kid k1)');
    expect(pair.stdout).toContain('-----BEGIN PRIVATE KEY-----');
    expect(pair.stdout).toContain('-----BEGIN PUBLIC KEY-----');
    expect(JSON.parse(pair.stdout.trim().split('\n').at(-1) as string)).toMatchObject({
      kty: 'OKP',
      crv: 'Ed25519',
      kid: 'k1',
      alg: 'Ed25519',
      use: 'sig',
    });
    const secret = JSON.parse((await runCli(['keys', '--alg', 'HS512', '--json'])).stdout);
    expect(Buffer.from(secret.hmacSecret, 'base64')).toHaveLength(64);
  });

  it('fusionauth config prints the webhook and tenant settings', async () => {
    const { code, stdout } = await runCli([
      'fusionauth',
      'config',
      '--url',
      'https://app.example.com/fusionauth-webhook',
      '--events',
      'user.create,user.email.update',
      '--events',
      'group.member.*',
      '--transaction',
      'Any,user.create=AbsoluteMajority',
      '--authorization',
      key,
    ]);
    expect(code).toBe(0);
    const config = JSON.parse(stdout);
    expect(config.webhook).toMatchObject({
      url: 'https://app.example.com/fusionauth-webhook',
      connectTimeout: 1000,
      readTimeout: 2000,
      headers: { Authorization: key },
      global: true,
    });
    expect(Object.keys(config.webhook.eventsEnabled)).toEqual([
      'group.member.add',
      'group.member.add.complete',
      'group.member.remove',
      'group.member.remove.complete',
      'group.member.update',
      'group.member.update.complete',
      'user.create',
      'user.email.update',
    ]);
    expect(config.tenant.eventConfiguration.events).toMatchObject({
      'user.create': { enabled: true, transactionType: 'AbsoluteMajority' },
      'user.email.update': { enabled: true, transactionType: 'None' },
      'group.member.add': { enabled: true, transactionType: 'Any' },
      'group.member.add.complete': { enabled: true, transactionType: 'None' },
    });
  });

  it('fusionauth config --commit enables each commit-aware type and its *.complete; refuses one without', async () => {
    const url = 'https://app.example.com/fusionauth-webhook';
    const ok = await runCli(['fusionauth', 'config', '--url', url, '--commit', 'user.registration.create']);
    expect(ok.code).toBe(0);
    expect(Object.keys(JSON.parse(ok.stdout).webhook.eventsEnabled)).toEqual([
      'user.registration.create',
      'user.registration.create.complete',
    ]);
    const refused = await runCli(['fusionauth', 'config', '--url', url, '--commit', 'user.login.success']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('--commit: user.login.success has no *.complete event');
  });
});

describe('authhooks jwks', { timeout: 120_000 }, () => {
  it('serves a key file until SIGINT; `send --private-key` with the same file verifies against it', async () => {
    const keys = JSON.parse((await runCli(['keys', '--alg', 'RS256', '--json'])).stdout);
    const pemFile = join(dir, 'rs256.pem');
    writeFileSync(pemFile, keys.privateKeyPem);
    const child = startCli(['jwks', '--key', pemFile]);
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    try {
      const [, url] = await waitForLine(
        child.stdout,
        /JWKS (http:\/\/127\.0\.0\.1:\d+\/\.well-known\/jwks\.json) /,
      );
      const { keys: served } = (await (await fetch(url as string)).json()) as {
        keys: Record<string, unknown>[];
      };
      expect(served).toEqual([
        expect.objectContaining({ kty: 'RSA', alg: 'RS256', use: 'sig', n: keys.publicJwk.n }),
      ]);
      expect(served[0]).not.toHaveProperty('d');
      const receiver = await listen(
        fusionReceiver({ signature: { jwksUrl: url as string }, logger: silentLogger }).on(
          'user.create',
          () => {},
        ),
      );
      try {
        const sent = await runCli([
          'send',
          'user.create',
          '--url',
          receiver.url,
          '--private-key',
          pemFile,
          '--transaction',
          'Any',
        ]);
        expect(sent.stdout).toContain(`${receiver.url}  200`);
        expect(sent.code).toBe(0);
      } finally {
        await receiver.close();
      }
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(stderr).toContain('stopped (SIGINT)');
      await expect(fetch(url as string)).rejects.toThrow();
    } finally {
      child.kill('SIGKILL');
    }
  });
});
