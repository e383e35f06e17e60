import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './run-cli.js';

const ansi = '\u001b[';
const hasScript = (() => {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.concurrent('authhooks CLI: help', { timeout: 120_000 }, () => {
  it('--help lists every command and the exit codes', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    for (const name of ['send ', 'send-logto', 'samples', 'sample ', 'keys', 'jwks', 'fusionauth config']) {
      expect(stdout).toContain(name);
    }
    expect(stdout).toContain(
      'Exit codes: 0 success, 1 the delivery or FusionAuth operation failed, 2 bad usage.',
    );
  });

  it('every command has --help (and `help <command>`)', async () => {
    const commands = [
      ['send', '--help'],
      ['send-logto', '-h'],
      ['samples', '--help'],
      ['sample', '--help'],
      ['keys', '--help'],
      ['jwks', '--help'],
      ['fusionauth', 'config', '--help'],
      ['help', 'send'],
    ];
    const runs = await Promise.all(commands.map((args) => runCli(args)));
    runs.forEach(({ code, stdout }, index) => {
      const args = commands[index] as string[];
      expect({ args, code }).toEqual({ args, code: 0 });
      const name = args.filter((arg) => arg !== 'help' && !arg.startsWith('-')).join(' ');
      expect(stdout).toMatch(new RegExp(`^Usage: authhooks ${name} `));
      expect(stdout).toContain('-h, --help');
    });
  });

  it('a group without its command lists the group', async () => {
    const help = await runCli(['fusionauth', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('fusionauth config');
    const bare = await runCli(['fusionauth']);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('fusionauth config');
  });

  it('--version prints the package version', async () => {
    const { code, stdout } = await runCli(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(
      process.env.AUTHHOOKS_TEST_TARGET === 'dist' ? /^\d+\.\d+\.\d+/ : /^source$/,
    );
  });
});

describe.concurrent('authhooks CLI: bad usage exits 2 with a clear message', { timeout: 120_000 }, () => {
  // The full table of bad input runs in-process (packages/testing/test/cli-main.test.ts); these check
  // that the real binary turns them into exit code 2 and a message on stderr.
  const cases: [string[], RegExp][] = [
    [['sned'], /unknown command "sned"\. Did you mean "send"\?/],
    [['send', 'user.create', '--url', 'http://127.0.0.1:1/', '--colour'], /send: unknown option --colour/],
    [
      ['send', 'user.creat', '--url', 'http://127.0.0.1:1/'],
      /unknown FusionAuth event type "user\.creat"; did you mean user\.create\?/,
    ],
    [
      ['send', 'user.create', '--url', 'http://x/', '--transaction', 'All'],
      /--transaction "All" is not one of None, Any/,
    ],
    [
      ['send', 'user.create', '--url', 'http://x/', '--private-key', 'package.json'],
      /not a PEM key that can be read/,
    ],
  ];

  it.each(cases)('%j', async (args, message) => {
    const { code, stdout, stderr } = await runCli(args);
    expect(stderr).toMatch(message);
    expect(code).toBe(2);
    expect(stdout).toBe('');
  });

  it('no command at all prints the help to stderr', async () => {
    const { code, stderr } = await runCli([]);
    expect(code).toBe(2);
    expect(stderr).toContain('Usage: authhooks <command>');
  });
});

describe.concurrent('authhooks CLI: colour', { timeout: 120_000 }, () => {
  it('none when stdout is a pipe', async () => {
    const { stdout, stderr } = await runCli(['samples']);
    expect(stdout).not.toContain(ansi);
    expect((await runCli(['send'])).stderr).not.toContain(ansi);
    expect(stderr).toBe('');
  });

  it('FORCE_COLOR turns it on for a pipe; NO_COLOR always wins', async () => {
    expect((await runCli(['samples'], { FORCE_COLOR: '1' })).stdout).toContain(ansi);
    expect((await runCli(['samples'], { FORCE_COLOR: '1', NO_COLOR: '1' })).stdout).not.toContain(ansi);
  });

  it.runIf(hasScript)(
    'on a terminal (a pseudo-terminal from script(1)), unless NO_COLOR is set',
    async () => {
      const inTty = (env: string) =>
        execFileSync('script', ['-qec', `${env} ${cliCommandLine()} samples`, '/dev/null'], {
          cwd: repoRoot,
          encoding: 'utf8',
          env: { ...withoutColorEnv(), TERM: 'xterm' },
        });
      expect(inTty('')).toContain(ansi);
      expect(inTty('NO_COLOR=1')).not.toContain(ansi);
    },
  );
});

function withoutColorEnv(): NodeJS.ProcessEnv {
  const { FORCE_COLOR: _force, NO_COLOR: _no, ...rest } = process.env;
  return rest;
}

function cliCommandLine(): string {
  return process.env.AUTHHOOKS_TEST_TARGET === 'dist'
    ? `${repoRoot}packages/testing/dist/cli.js`
    : `${process.execPath} --import tsx ${repoRoot}packages/testing/src/cli.ts`;
}
