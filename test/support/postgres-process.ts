/**
 * A real PostgreSQL server for tests and benchmarks: its own data directory (initdb) on a free port of
 * 127.0.0.1, tuned for throwaway data (fsync off), stopped when the process exits. PostgreSQL refuses
 * to run as root, so under root (CI) it runs as the `postgres` user. Suites use
 * `describeWithPostgres` from ./postgres-server.js.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { accessSync, chownSync, constants, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { freePort } from './free-port.js';
import { track } from './processes.js';

export interface PostgresServer {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  readonly url: string;
  readonly port: number;
  /**
   * Stops the server and waits until it has exited: `SIGINT` (default) is a fast clean shutdown,
   * `SIGKILL` a crash. Stopping a stopped server does nothing.
   */
  stop(signal?: 'SIGINT' | 'SIGKILL'): Promise<void>;
  /** Starts it again on the same port and data (after a crash it recovers), and waits until it accepts connections. */
  start(): Promise<void>;
}

export const postgresInstallHint = 'apt-get install -y postgresql';

/** The directory with `initdb` and `postgres`: $PG_BIN_DIR, the newest /usr/lib/postgresql/<n>/bin, or the PATH. */
export const postgresBinDir: string | undefined = locate();

export const postgresServerAvailable = postgresBinDir !== undefined;

export async function startPostgresServer(): Promise<PostgresServer> {
  const bin = postgresBinDir;
  if (bin === undefined) throw new Error(`PostgreSQL is not installed. Install it: ${postgresInstallHint}`);
  const owner = process.getuid?.() === 0 ? postgresUser() : undefined;
  const dir = mkdtempSync(join(tmpdir(), 'authhooks-pg-'));
  if (owner !== undefined) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  execFileSync(
    join(bin, 'initdb'),
    ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync', '--no-instructions'],
    { stdio: 'pipe', ...owner },
  );
  const port = await freePort();
  let running: ChildProcess | undefined;

  const start = async () => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      try {
        return await launch(deadline);
      } catch (error) {
        // After a SIGKILL the old backends may hold its shared memory for a moment.
        if (Date.now() > deadline || !/shared memory|lock file/i.test(String(error))) throw error;
        await sleep(200);
      }
    }
  };

  const launch = async (deadline: number) => {
    if (running !== undefined) return;
    const child = track(
      spawn(
        join(bin, 'postgres'),
        [
          '-D',
          data,
          '-p',
          String(port),
          '-k',
          dir,
          '-c',
          'listen_addresses=127.0.0.1',
          '-c',
          'fsync=off',
          '-c',
          'full_page_writes=off',
          '-c',
          'max_connections=200',
        ],
        { stdio: ['ignore', 'pipe', 'pipe'], ...owner },
      ),
    );
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    running = child;
    child.once('exit', () => {
      if (running === child) running = undefined;
    });
    while (!ready(bin, port)) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`postgres exited at start on port ${port}:\n${output}`);
      }
      if (Date.now() > deadline)
        throw new Error(`postgres on port ${port} was not ready within 20 s:\n${output}`);
      await sleep(50);
    }
  };

  const stop = async (signal: 'SIGINT' | 'SIGKILL' = 'SIGINT') => {
    const child = running;
    if (child === undefined) return;
    running = undefined;
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill(signal);
    });
  };

  cleanupOnExit.add(() => {
    running?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });
  await start();
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, stop, start };
}

const cleanupOnExit = new Set<() => void>();
process.once('exit', () => {
  for (const cleanup of cleanupOnExit) cleanup();
});

function ready(bin: string, port: number): boolean {
  try {
    execFileSync(join(bin, 'pg_isready'), ['-q', '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres'], {
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
}

function postgresUser(): { uid: number; gid: number } {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    return { uid, gid };
  } catch {
    throw new Error(
      'PostgreSQL refuses to run as root and there is no `postgres` user to run it as: install the server package (apt-get install -y postgresql) or run the tests as another user.',
    );
  }
}

function locate(): string | undefined {
  const executable = (dir: string) => {
    try {
      accessSync(join(dir, 'initdb'), constants.X_OK);
      accessSync(join(dir, 'postgres'), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (process.env.PG_BIN_DIR) return executable(process.env.PG_BIN_DIR) ? process.env.PG_BIN_DIR : undefined;
  let versions: string[] = [];
  try {
    versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
  } catch {
    // not Debian's layout
  }
  const candidates = [
    ...versions.map((version) => `/usr/lib/postgresql/${version}/bin`),
    ...(process.env.PATH ?? '').split(delimiter).filter((dir) => dir !== ''),
  ];
  return candidates.find(executable);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
