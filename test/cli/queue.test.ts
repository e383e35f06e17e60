import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { silentLogger } from '@authhooks/core';
import { fusionAuthEvents, fusionReceiver } from '@authhooks/fusionauth';
import { createWorker, type QueueWorker, type WebhookQueue, webhookQueue } from '@authhooks/queue';
import { fusionAuthBody, fusionAuthSample } from '@authhooks/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { track } from '../support/processes.js';
import { describeWithRedis, type RedisServer, startRedisServer } from '../support/redis-server.js';
import { repoRoot, runCli } from './run-cli.js';

// `authhooks queue failed` and `authhooks queue retry` as a user runs them, against a real Redis whose
// queue has dead letters made by a real worker.
describeWithRedis('authhooks queue', () => {
  let redis: RedisServer;
  let queue: WebhookQueue;
  let worker: QueueWorker;
  let broken = true;
  const handled: string[] = [];
  const eventIds: string[] = [];
  let target: string[];

  beforeAll(async () => {
    redis = await startRedisServer();
    queue = webhookQueue({ connection: redis.url, name: `cli-${randomUUID()}`, logger: silentLogger });
    target = ['--redis', redis.url, '--name', queue.name];
    worker = createWorker(queue, {
      events: fusionAuthEvents,
      attempts: 2,
      backoff: { delayMs: 10 },
      logger: silentLogger,
      shutdownSignals: false,
    }).on('user.delete.complete', (event) => {
      if (broken) throw new Error('the todo database is down');
      handled.push(event.id);
    }) as unknown as QueueWorker;
    await worker.start();
    const receiver = fusionReceiver({ authorization: 'k', logger: silentLogger }).enqueue(
      'user.delete.complete',
      queue,
    );
    for (let i = 0; i < 3; i++) {
      const event = fusionAuthSample('user.delete.complete');
      eventIds.push(event.id);
      const answer = await receiver.receive({
        method: 'POST',
        headers: { authorization: 'k', 'content-type': 'application/json' },
        body: fusionAuthBody(event),
      });
      expect(answer.status).toBe(202);
    }
    for (let waited = 0; (await queue.counts()).failed < 3; waited += 50) {
      if (waited > 10_000) throw new Error('the worker did not dead-letter the 3 jobs within 10 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  afterAll(async () => {
    await worker?.close();
    await queue?.close();
    await redis?.stop();
  });

  it('lists the dead letters, re-drives one by id and the rest with --all', { timeout: 60_000 }, async () => {
    const listed = await runCli(['queue', 'failed', ...target]);
    expect(listed.stderr).toBe('');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(`3 dead-lettered jobs in queue ${queue.name} at ${redis.url}`);
    for (const id of eventIds) {
      expect(listed.stdout).toMatch(
        new RegExp(
          `^  fusionauth\\.${id}  user\\.delete\\.complete  2 attempts +\\S+  the todo database is down$`,
          'm',
        ),
      );
    }
    expect(listed.stdout).toContain('authhooks queue retry --all');

    const json = await runCli(['queue', 'failed', ...target, '--json']);
    expect(json.code).toBe(0);
    const letters = JSON.parse(json.stdout) as Record<string, unknown>[];
    expect(letters.map((letter) => letter.eventId).sort()).toEqual([...eventIds].sort());
    expect(letters[0]).toMatchObject({
      provider: 'fusionauth',
      eventType: 'user.delete.complete',
      error: 'the todo database is down',
      attempts: 2,
      failedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });

    broken = false;
    const [first, ...rest] = eventIds as [string, ...string[]];
    const one = await runCli(['queue', 'retry', `fusionauth.${first}`, ...target]);
    expect([one.code, one.stderr]).toEqual([0, '']);
    expect(one.stdout).toBe(`Re-driven fusionauth.${first}: back in queue ${queue.name} at ${redis.url}.\n`);
    await expect.poll(() => handled).toEqual([first]);

    const all = await runCli(['queue', 'retry', '--all', ...target]);
    expect([all.code, all.stdout]).toEqual([
      0,
      `Re-driven 2 jobs: back in queue ${queue.name} at ${redis.url}.\n`,
    ]);
    await expect.poll(() => [...handled].sort()).toEqual([first, ...rest].sort());

    const none = await runCli(['queue', 'failed', ...target]);
    expect([none.code, none.stdout]).toEqual([
      0,
      `No dead-lettered jobs in queue ${queue.name} at ${redis.url}.\n`,
    ]);
  });

  it(
    'says what is wrong: an unknown job, a job that is not dead, no id, an unreachable Redis',
    { timeout: 60_000 },
    async () => {
      const [unknown, notFailed, noId, unreachable, badUrl] = await Promise.all([
        runCli(['queue', 'retry', 'fusionauth.nope', ...target]),
        runCli(['queue', 'retry', `fusionauth:${eventIds[0]}`, ...target]),
        runCli(['queue', 'retry', ...target]),
        runCli(['queue', 'failed', '--redis', 'redis://127.0.0.1:1']),
        runCli(['queue', 'failed', '--redis', 'localhost:6379']),
      ]);
      expect([unknown.code, unknown.stderr]).toEqual([
        1,
        `error authhooks queue retry: no job fusionauth.nope in queue ${queue.name}\n`,
      ]);
      expect(notFailed.code).toBe(1);
      expect(notFailed.stderr).toMatch(
        /job fusionauth\..+ is (completed|waiting|active), not failed: only dead-lettered jobs are retried/,
      );
      expect([noId.code, noId.stderr]).toEqual([
        2,
        'error authhooks queue retry: give the job id to retry, or --all\nRun `authhooks queue retry --help` for usage.\n',
      ]);
      expect(unreachable.code).toBe(1);
      expect(unreachable.stderr).toContain(
        "cannot reach Redis at 127.0.0.1:1 within 3000 ms (connect ECONNREFUSED 127.0.0.1:1); give the queue's Redis with --redis <url> or REDIS_URL",
      );
      expect(badUrl.code).toBe(2);
      expect(badUrl.stderr).toContain('"localhost:6379" is not a Redis URL');
    },
  );

  it('has help for the group and each command', { timeout: 60_000 }, async () => {
    const [group, failed, retry] = await Promise.all([
      runCli(['queue', '--help']),
      runCli(['queue', 'failed', '--help']),
      runCli(['queue', 'retry', '--help']),
    ]);
    expect(group.code).toBe(0);
    expect(group.stdout).toContain('queue failed');
    expect(group.stdout).toContain('queue retry');
    expect(failed.stdout).toMatch(/^Usage: authhooks queue failed /);
    expect(retry.stdout).toMatch(/^Usage: authhooks queue retry <id> \| --all/);
  });
});

// Without @authhooks/queue and @authhooks/postgres installed (optional peers of @authhooks/testing), their
// commands say what to install and the others work. Only the built package can be installed without it.
it.skipIf(process.env.AUTHHOOKS_TEST_TARGET !== 'dist')(
  'authhooks queue without @authhooks/queue installed names what to install',
  { timeout: 60_000 },
  async () => {
    const app = installTestingAlone();
    try {
      const cli = join(app, 'node_modules/@authhooks/testing/dist/cli.js');
      const [queueRun, postgresRun, samplesRun] = await Promise.all([
        run(cli, ['queue', 'failed']),
        run(cli, ['postgres', 'migrate', '--url', 'postgres://127.0.0.1:1/x']),
        run(cli, ['samples', '--json']),
      ]);
      expect([queueRun.code, queueRun.stderr]).toEqual([
        1,
        'error authhooks queue failed: the queue commands need @authhooks/queue (with BullMQ) and ioredis, which are not installed: npm i @authhooks/queue ioredis\n',
      ]);
      expect([postgresRun.code, postgresRun.stderr]).toEqual([
        1,
        'error authhooks postgres migrate: this command needs @authhooks/postgres and pg, which are not installed: npm i @authhooks/postgres pg\n',
      ]);
      expect(samplesRun.code).toBe(0);
    } finally {
      rmSync(app, { recursive: true, force: true });
    }
  },
);

/** An app directory with @authhooks/testing (its built files) and its dependencies, but not @authhooks/queue. */
function installTestingAlone(): string {
  const app = mkdtempSync(join(tmpdir(), 'authhooks-cli-no-queue-'));
  const testing = join(repoRoot, 'packages/testing');
  const installed = join(app, 'node_modules/@authhooks/testing');
  mkdirSync(installed, { recursive: true });
  cpSync(join(testing, 'package.json'), join(installed, 'package.json'));
  cpSync(join(testing, 'dist'), join(installed, 'dist'), { recursive: true });
  const manifest = JSON.parse(readFileSync(join(testing, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  for (const name of Object.keys(manifest.dependencies)) {
    const link = join(app, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(realpathSync(join(testing, 'node_modules', name)), link, 'dir');
  }
  writeFileSync(join(app, 'package.json'), '{"type":"module"}\n');
  return app;
}

function run(file: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { FORCE_COLOR: _force, ...env } = process.env;
  const child = track(
    spawn(process.execPath, [file, ...args], {
      cwd: dirname(file),
      env: { ...env, NO_COLOR: '1' },
    }),
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
