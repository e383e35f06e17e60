/**
 * A real `redis-server` on a free port of 127.0.0.1, without persistence, stopped when the process
 * exits; `restart()` brings it back on the same port (fault tests). No test framework here, so the
 * benchmarks start theirs with it too; suites use `describeWithRedis` from ./redis-server.js.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface RedisServer {
  /** `redis://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /**
   * Stops the server and waits until it has exited. `SIGTERM` (default) is a clean shutdown; `SIGKILL`
   * a crash. The port is kept for `restart()`. Stopping a stopped server does nothing.
   */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** Starts the server again on the same port (stopping it first if it runs) and waits until PING answers. Its data is gone. */
  restart(): Promise<void>;
  /** Freezes the server (SIGSTOP): connections stay open but nothing is answered, as with a hung Redis. */
  pause(): void;
  /** Lets a paused server go on (SIGCONT). */
  resume(): void;
}

export const installHint = 'apt-get install -y redis-server';

/** The `redis-server` executable: $REDIS_SERVER_BIN, else the first on the PATH; undefined if none. */
export const redisServerBinary: string | undefined = locateRedisServer();

/** True when the Redis suites can run here. */
export const redisServerAvailable = redisServerBinary !== undefined;

/** Starts a fresh `redis-server` on a free port of 127.0.0.1 and waits until it answers PING. */
export async function startRedisServer(): Promise<RedisServer> {
  const binary = redisServerBinary;
  if (binary === undefined) throw new Error(`redis-server is not installed. Install it: ${installHint}`);
  const dir = mkdtempSync(join(tmpdir(), 'authhooks-redis-'));
  let child: ChildProcess | undefined;
  let port = 0;

  // A free port can be taken between finding it and redis binding it: try a few.
  for (let attempt = 1; child === undefined; attempt++) {
    port = await freePort();
    try {
      child = await launch(binary, port, dir);
    } catch (error) {
      if (attempt >= 5 || !isAddressInUse(error)) throw error;
    }
  }

  let running: ChildProcess | undefined = child;
  const stop = async (signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM') => {
    const current = running;
    running = undefined;
    if (current !== undefined) await terminate(current, signal);
  };
  const signal = (name: NodeJS.Signals) => {
    if (running === undefined) throw new Error('the Redis server is not running');
    running.kill(name);
  };

  cleanupOnExit.add(() => {
    running?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop,
    pause: () => signal('SIGSTOP'),
    resume: () => signal('SIGCONT'),
    async restart() {
      await stop();
      // The old socket may linger for a moment after the process exited.
      const deadline = Date.now() + 5_000;
      for (;;) {
        try {
          running = await launch(binary, port, dir);
          return;
        } catch (error) {
          if (!isAddressInUse(error) || Date.now() > deadline) throw error;
          await sleep(50);
        }
      }
    },
  };
}

const cleanupOnExit = new Set<() => void>();
process.once('exit', () => {
  for (const cleanup of cleanupOnExit) cleanup();
});

async function launch(binary: string, port: number, dir: string): Promise<ChildProcess> {
  const child = spawn(
    binary,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
      '--daemonize',
      'no',
      '--loglevel',
      'warning',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const exited = new Promise<never>((_, reject) => {
    child.once('error', (error) => reject(new Error(`could not start ${binary}: ${error.message}`)));
    child.once('exit', (code, signal) =>
      reject(
        new Error(`redis-server exited at start (${signal ?? `code ${code}`}) on port ${port}:\n${output}`),
      ),
    );
  });
  exited.catch(() => {}); // observed below; after a successful start an exit is stop()'s business
  try {
    await Promise.race([waitForPing(port, 10_000), exited]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return child;
}

async function waitForPing(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ping(port))) {
    if (Date.now() > deadline)
      throw new Error(`redis-server on port ${port} did not answer PING within ${timeoutMs} ms`);
    await sleep(20);
  }
}

/** One PING over a raw connection (the harness needs no Redis client). */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

function terminate(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
    child.kill('SIGCONT'); // a paused server acts on the signal only once it runs again
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

function isAddressInUse(error: unknown): boolean {
  return error instanceof Error && /address already in use/i.test(error.message);
}

function locateRedisServer(): string | undefined {
  const candidates = process.env.REDIS_SERVER_BIN
    ? [process.env.REDIS_SERVER_BIN]
    : (process.env.PATH ?? '')
        .split(delimiter)
        .filter((dir) => dir !== '')
        .map((dir) => join(dir, 'redis-server'));
  return candidates.find((path) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
