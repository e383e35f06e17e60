import { describe, expect, it } from 'vitest';
import { type CliIo, createStyle } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';

/** `authhooks <args>` in this process: the same entry the bin runs, with its output captured. */
async function run(args: string[], { stop }: { stop?: Promise<string> } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    style: createStyle(false),
    env: {},
    stopped: stop ?? new Promise(() => {}),
  };
  const code = await main(args, io, '1.2.3');
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('authhooks CLI (in-process): bad usage is exit code 2 with a message that says what to do', () => {
  const cases: [string[], RegExp][] = [
    [['sned'], /unknown command "sned"\. Did you mean "send"\?/],
    [['fusionauth', 'confg'], /unknown command "fusionauth confg"/],
    [['send', 'user.create', '--url', 'http://127.0.0.1:1/', '--colour'], /send: unknown option --colour/],
    [['send', 'user.create', '--url'], /option --url needs a value/],
    [
      ['send', 'user.creat', '--url', 'http://127.0.0.1:1/'],
      /unknown FusionAuth event type "user\.creat"; did you mean user\.create\?/,
    ],
    [['send', 'user.create'], /give at least one --url/],
    [['send'], /missing <type>/],
    [['send', 'user.create', 'user.delete', '--url', 'http://x/'], /unexpected argument "user\.delete"/],
    [
      ['send', 'user.create', '--url', 'http://x/', '--transaction', 'All'],
      /--transaction "All" is not one of None, Any/,
    ],
    [['send', 'user.create', '--url', 'not a url'], /--url "not a url" is not a URL/],
    [
      ['send', 'user.create', '--url', 'http://x/', '--read-timeout', '2s'],
      /--read-timeout is a whole number of milliseconds/,
    ],
    [['send', 'user.create', '--url', 'http://x/', '--data', '{nope'], /--data: the value is not JSON/],
    [
      ['send', 'user.create', '--url', 'http://x/', '--data', 'missing.json'],
      /cannot read the file "missing\.json"/,
    ],
    [['send', 'user.create', '--url', 'http://x/', '--basic', 'nopassword'], /--basic is user:password/],
    [['send', 'user.create', '--url', 'http://x/', '--kid', 'k'], /--kid and --alg describe a signing key/],
    [
      ['send', 'user.create', '--url', 'http://x/', '--hmac-secret', 's', '--private-key', 'package.json'],
      /--hmac-secret or --private-key, not both/,
    ],
    [
      ['send', 'user.create', '--url', 'http://x/', '--private-key', 'package.json'],
      /not a PEM key that can be read/,
    ],
    [
      ['send-logto', 'User.Create', '--url', 'http://x/'],
      /unknown Logto event "User\.Create"; did you mean User\.Created\?/,
    ],
    [['sample', 'nope.nope'], /unknown FusionAuth event type "nope\.nope"/],
    [['keys', '--alg', 'RS257'], /--alg "RS257" is not one of .*did you mean RS256\?/],
    [['jwks', '--port', 'eighty'], /--port is a port number/],
    [['fusionauth', 'config', '--events', 'user.create'], /give --url/],
    [
      ['fusionauth', 'config', '--url', 'https://x/', '--events', 'nothing.*'],
      /no FusionAuth event type starts with "nothing\."/,
    ],
  ];

  it.each(cases)('%j', async (args, message) => {
    const { code, stdout, stderr } = await run(args);
    expect(stderr).toMatch(message);
    expect(stderr).toContain('--help');
    expect(code).toBe(2);
    expect(stdout).toBe('');
  });
});

describe('authhooks CLI (in-process): output', () => {
  it('--version', async () => {
    expect(await run(['--version'])).toEqual({ code: 0, stdout: '1.2.3', stderr: '' });
  });

  it('samples lists 64 FusionAuth types with their transactional flag, then the 31 Logto events', async () => {
    const { code, stdout } = await run(['samples', '--json']);
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as { provider: string; type: string; transactional: boolean }[];
    expect(rows.filter((row) => row.provider === 'fusionauth')).toHaveLength(64);
    expect(rows.filter((row) => row.provider === 'logto')).toHaveLength(31);
    expect(rows.find((row) => row.type === 'user.create')?.transactional).toBe(true);
    expect(rows.find((row) => row.type === 'user.create.complete')?.transactional).toBe(false);
    const text = (await run(['samples'])).stdout;
    expect(text).toMatch(/^ {2}user\.delete +transactional +A user is being deleted\.$/m);
    expect(text).toMatch(/^ {2}user\.email\.update +not transactional/m);
    expect(text).toMatch(/^ {2}PostRegister$/m);
  });

  it('the jwks command serves the key until it is told to stop', async () => {
    let stop: (signal: string) => void = () => {};
    const out: string[] = [];
    const io: CliIo = {
      out: (text) => out.push(text),
      err: (text) => out.push(text),
      style: createStyle(false),
      env: {},
      stopped: new Promise<string>((resolve) => {
        stop = resolve;
      }),
    };
    const running = main(['jwks', '--alg', 'ES256', '--kid', 'cli-key'], io);
    const pattern =
      /JWKS (http:\/\/127\.0\.0\.1:\d+\/\.well-known\/jwks\.json) \(kid cli-key\); Ctrl-C to stop/;
    let url: string | undefined;
    for (let i = 0; i < 200 && url === undefined; i++) {
      url = out.map((line) => pattern.exec(line)?.[1]).find(Boolean);
      if (url === undefined) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(out[0]).toBe(
      'Created a ES256 key (kid cli-key); its private key, for `authhooks send --private-key`:',
    );
    const { keys } = (await (await fetch(url as string)).json()) as { keys: Record<string, unknown>[] };
    expect(keys).toEqual([
      expect.objectContaining({ kty: 'EC', crv: 'P-256', kid: 'cli-key', alg: 'ES256', use: 'sig' }),
    ]);
    stop('SIGINT');
    expect(await running).toBe(0);
    expect(out.at(-1)).toBe('stopped (SIGINT)');
    await expect(fetch(url as string)).rejects.toThrow();
  });
});
