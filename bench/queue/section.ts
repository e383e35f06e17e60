import { silentLogger } from '@authhooks/core';
import { webhookQueue } from '@authhooks/queue';
import { postgresServerAvailable, startPostgresServer } from '../../test/support/postgres-process.js';
import { redisServerBinary, startRedisServer } from '../../test/support/redis-process.js';
import { measureServers } from '../http/measure.js';
import { loadPlan } from '../http/plan.js';
import { candidatesTable, ratiosTable } from '../http/tables.js';
import type { SectionReport } from '../lib/report.js';
import type { SectionContext } from '../lib/section.js';
import { queueBody, queueCandidates, queueComparisons } from './candidates.js';

/**
 * Section 6 (issue 10): `.enqueue()` of @authhooks/queue over HTTP against a route that adds the
 * BullMQ job by hand and against inline handling, with a redis-server of its own (in memory, on a
 * free port, stopped at the end). Skipped, with the reason, where redis-server is not installed.
 */
export async function queueSection({ quick }: SectionContext): Promise<SectionReport> {
  const title = 'Queue: @authhooks/queue .enqueue() ÷ baseline';
  if (redisServerBinary === undefined) {
    const why =
      'skipped: redis-server is not installed (apt-get install redis-server, or set REDIS_SERVER_BIN)';
    console.error(`   queue section ${why}`);
    return { tables: [{ title, columns: ['section', 'status'], rows: [['queue', why]] }], failures: [] };
  }
  const redis = await startRedisServer();
  // PostgreSQL (BullMQ's PostgreSQL backend) beside it when installed, its tables migrated once here.
  const postgres = postgresServerAvailable ? await startPostgresServer() : undefined;
  try {
    if (postgres !== undefined) {
      const migrating = webhookQueue({ postgres: postgres.url, logger: silentLogger });
      await migrating.migrate();
      await migrating.close();
    } else {
      console.error('   queue section: PostgreSQL is not installed, so its candidates are left out');
    }
    const candidates = queueCandidates(redis.url, postgres?.url);
    const measurements = await measureServers(candidates, loadPlan(quick));
    const what = `Express 5, 50 connections, ${queueBody.byteLength} B user.delete.complete, a new event id per request, redis-server${postgres === undefined ? '' : ' and PostgreSQL'} on 127.0.0.1`;
    return {
      tables: [
        ratiosTable(`${title} (${what})`, queueComparisons(postgres !== undefined), measurements),
        {
          ...candidatesTable('Queue: candidates', candidates, measurements),
          notes: [
            'Every 2xx was checked against the backend: the jobs waiting at the end ≥ the 2xx answers (nothing drains them).',
          ],
        },
      ],
      failures: measurements.failures,
    };
  } finally {
    await redis.stop();
    await postgres?.stop();
  }
}
