import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '@authhooks/core';
import { fusionAuthEvents, fusionReceiver } from '@authhooks/fusionauth';
import { createWorker, webhookQueue } from '@authhooks/queue';
import { fusionAuthBody, fusionAuthSample } from '@authhooks/testing';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort } from '../support/free-port.js';
import {
  describeWithPostgres,
  type PostgresServer,
  startPostgresServer,
} from '../support/postgres-server.js';
import { runCli } from './run-cli.js';

// `authhooks postgres migrate` as a user runs it, against a real PostgreSQL.
describeWithPostgres('authhooks postgres migrate', () => {
  let server: PostgresServer;
  let dir: string;
  beforeAll(async () => {
    server = await startPostgresServer();
    dir = mkdtempSync(join(tmpdir(), 'authhooks-cli-pg-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await server?.stop();
  });

  it('creates the tables once from DATABASE_URL, then says they are current; --check tells either', async () => {
    const env = { DATABASE_URL: server.url };
    const before = await runCli(['postgres', 'migrate', '--check', '--schema', 'cli_one'], env);
    expect(before.code).toBe(1);
    expect(before.stderr).toContain('is at version 0, this @authhooks/postgres needs 1');

    const first = await runCli(['postgres', 'migrate', '--schema', 'cli_one'], env);
    expect([first.code, first.stdout]).toEqual([
      0,
      `migrated schema "cli_one" at ${server.url} from version 0 to 1\n`,
    ]);
    const again = await runCli(['postgres', 'migrate', '--schema', 'cli_one'], env);
    expect(again.stdout).toBe(`ok schema "cli_one" at ${server.url} is already at version 1\n`);
    const check = await runCli(['postgres', 'migrate', '--check', '--schema', 'cli_one'], env);
    expect([check.code, check.stdout]).toEqual([0, `ok schema "cli_one" at ${server.url} is at version 1\n`]);

    const client = new pg.Client({ connectionString: server.url });
    client.on('error', () => {}); // the server stops at the end of the file
    await client.connect();
    try {
      const { rows } = await client.query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'cli_one' ORDER BY 1",
      );
      expect(rows.map((row) => row.table_name)).toEqual(['deliveries', 'migrations', 'pending_operations']);
    } finally {
      await client.end();
    }
  });

  it('reads the URL from --url-file; four at once migrate once', async () => {
    const file = join(dir, 'url');
    writeFileSync(file, `${server.url}\n`);
    const runs = await Promise.all(
      Array.from({ length: 4 }, () =>
        runCli(['postgres', 'migrate', '--url-file', file, '--schema', 'cli_two']),
      ),
    );
    expect(runs.map((run) => run.code)).toEqual([0, 0, 0, 0]);
    expect(runs.filter((run) => run.stdout.startsWith('migrated'))).toHaveLength(1);
  });

  it('an unreachable database fails with the URL, its password hidden; no URL is a usage error', async () => {
    const port = await freePort();
    const down = await runCli(['postgres', 'migrate'], {
      DATABASE_URL: `postgres://app:s3cret-password@127.0.0.1:${port}/app`,
    });
    expect(down.code).toBe(1);
    expect(down.stderr).toContain(`(postgres://app:***@127.0.0.1:${port}/app)`);
    expect(down.stderr).not.toContain('s3cret-password');

    const none = await runCli(['postgres', 'migrate'], { DATABASE_URL: '' });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(
      'give the database with --url-file <path>, DATABASE_URL, or --url <connection string>',
    );
  });

  it("--queue also creates BullMQ's tables; the queue commands take --postgres and list and re-drive its dead letters", async () => {
    const migrated = await runCli(['postgres', 'migrate', '--queue', '--schema', 'cli_queue'], {
      DATABASE_URL: server.url,
    });
    expect(migrated.stdout).toContain(`ok BullMQ's tables (schema "bullmq") at ${server.url} are current`);

    const queue = webhookQueue({ postgres: server.url, name: `cli-${randomUUID()}`, logger: silentLogger });
    let broken = true;
    const handled: string[] = [];
    const worker = createWorker(queue, {
      events: fusionAuthEvents,
      attempts: 1,
      logger: silentLogger,
      shutdownSignals: false,
    }).on('user.delete.complete', (event) => {
      if (broken) throw new Error('the todo database is down');
      handled.push(event.id);
    });
    try {
      await worker.start();
      const receiver = fusionReceiver({ authorization: 'k', logger: silentLogger }).enqueue(
        'user.delete.complete',
        queue,
      );
      const event = fusionAuthSample('user.delete.complete');
      await receiver.receive({
        method: 'POST',
        headers: { authorization: 'k', 'content-type': 'application/json' },
        body: fusionAuthBody(event),
      });
      await expect.poll(() => queue.counts(), { timeout: 10_000 }).toMatchObject({ failed: 1 });

      const target = ['--postgres', server.url, '--name', queue.name];
      const failed = await runCli(['queue', 'failed', ...target, '--json']);
      expect(failed.code).toBe(0);
      expect(JSON.parse(failed.stdout)).toMatchObject([
        { id: `fusionauth.${event.id}`, error: 'the todo database is down', attempts: 1 },
      ]);
      broken = false;
      const retried = await runCli(['queue', 'retry', '--all', ...target]);
      expect(retried.code).toBe(0);
      await expect.poll(() => handled, { timeout: 10_000 }).toEqual([event.id]);

      const both = await runCli(['queue', 'failed', ...target, '--redis', 'redis://127.0.0.1:6379']);
      expect([both.code, both.stderr]).toEqual([
        2,
        expect.stringContaining('--postgres chooses a queue on PostgreSQL'),
      ]);
    } finally {
      await worker.close();
      await queue.close();
    }
  });

  it('a schema name that is not a plain identifier is refused before connecting', async () => {
    const run = await runCli(['postgres', 'migrate', '--schema', 'x"; DROP TABLE users; --'], {
      DATABASE_URL: server.url,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the Postgres schema name must be a lower-case identifier');
  });
});
