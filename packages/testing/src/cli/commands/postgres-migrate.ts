import { silentLogger } from '@authhooks/core';
import { type Command, exitCodes, UsageError } from '../command.js';
import { type SecretSource, secretOption, secretOptions } from '../secrets.js';
import { flag, importOptional, redactUrl, stringOption } from '../values.js';
import { loadQueuePackage } from './queue-shared.js';

/** The connection string holds a password: read like any secret, with DATABASE_URL as its variable. */
const urlSecret: SecretSource = { name: 'url', env: 'DATABASE_URL' };

export const installHint = 'npm i @authhooks/postgres pg';

type PgStorePackage = typeof import('@authhooks/postgres/pg');
type PgPool = typeof import('pg').Pool;

/**
 * `@authhooks/postgres` and `pg` are loaded only by this command, so @authhooks/testing works without
 * them: both are optional peer dependencies.
 */
function load(): Promise<{ pgStore: PgStorePackage['pgStore']; Pool: PgPool }> {
  return importOptional(
    async () => {
      const [{ pgStore }, pg] = await Promise.all([import('@authhooks/postgres/pg'), import('pg')]);
      // pg is CommonJS: its exports are under `default` when imported from ESM.
      return { pgStore, Pool: (pg.default ?? pg).Pool };
    },
    /@authhooks\/postgres|'pg'|"pg"/,
    `this command needs @authhooks/postgres and pg, which are not installed: ${installHint}`,
  );
}

export const postgresMigrate: Command = {
  name: 'postgres migrate',
  summary: "Create or upgrade the tables of @authhooks/postgres's store (idempotent)",
  usage: '[--url <connection string>] [--schema <name>] [--queue] [--check]',
  positionals: { min: 0, max: 0 },
  options: {
    ...secretOptions(urlSecret),
    schema: { type: 'string' },
    queue: { type: 'boolean' },
    check: { type: 'boolean' },
  },
  help: `Creates the schema and tables the Postgres store (@authhooks/postgres) uses, or upgrades them to
this version. Run it once per deploy, before the receivers start (they never run DDL themselves). It is
safe to run again and from several machines at once: an advisory lock makes one of them do the work.

Options
  --url <string>           the database (default: $DATABASE_URL); it holds a password, so prefer
                           DATABASE_URL or --url-file <path>: arguments show in ps
  --schema <name>          the schema given to the store (default authhooks)
  --queue                  also create or upgrade BullMQ's tables, for webhookQueue({ postgres }) of
                           @authhooks/queue (BullMQ's own migrations, in its schema bullmq)
  --check                  change nothing: exit 1 unless the tables are at this version (for CI or a
                           readiness check)

Examples
  DATABASE_URL=postgres://app@db/app authhooks postgres migrate
  authhooks postgres migrate --url-file /run/secrets/database-url --schema webhooks
`,
  async run(invocation, io) {
    const url = await secretOption(invocation, io, urlSecret);
    if (url === undefined) {
      throw new UsageError(
        'give the database with --url-file <path>, DATABASE_URL, or --url <connection string>',
      );
    }
    const schema = stringOption(invocation, 'schema');
    const { pgStore, Pool } = await load();
    const pool = new Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 5_000 });
    pool.on('error', () => {});
    try {
      const store = pgStore(pool, { ...(schema !== undefined && { schema }), sweepMs: false });
      const where = `schema "${schema ?? 'authhooks'}" at ${redactUrl(url)}`;
      const { bold, green, red } = io.style;
      if (flag(invocation, 'check')) {
        const { latestVersion } = await import('@authhooks/postgres');
        const version = await store.schemaVersion();
        if (version === latestVersion) {
          io.out(`${green('ok')} ${where} is at version ${version}`);
          return exitCodes.ok;
        }
        io.err(
          `${red('behind')} ${where} is at version ${version}, this @authhooks/postgres needs ${latestVersion}: run \`authhooks postgres migrate\``,
        );
        return exitCodes.failed;
      }
      const { from, to } = await store.migrate();
      io.out(
        from === to
          ? `${green('ok')} ${where} is already at version ${to}`
          : `${green('migrated')} ${where} from version ${from} to ${bold(String(to))}`,
      );
      if (flag(invocation, 'queue')) {
        const { webhookQueue } = await loadQueuePackage();
        const queue = webhookQueue({ postgres: pool, logger: silentLogger });
        try {
          await queue.migrate();
        } finally {
          await queue.close();
        }
        io.out(`${green('ok')} BullMQ's tables (schema "bullmq") at ${redactUrl(url)} are current`);
      }
      return exitCodes.ok;
    } catch (error) {
      if (error instanceof TypeError) throw error; // an option the store refused: a usage error
      const message = (error as Error)?.message ?? String(error);
      throw new Error(`${message} (${redactUrl(url)})`);
    } finally {
      await pool.end();
    }
  },
};
