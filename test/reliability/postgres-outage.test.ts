import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeWithPostgres,
  type PostgresServer,
  startPostgresServer,
} from '../support/postgres-server.js';
import { type Answer, appTables, deliver, startInstance } from './postgres-instances.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const drivers = ['pg', 'postgres.js'] as const;

// What a receiver on Postgres answers when the database fails under it: never a 2xx for an event it
// did not record, a bounded 503 (the provider retries) instead of a hang, and back to normal by itself.
describeWithPostgres('a receiver on PostgreSQL when the database fails', () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgresServer();
  });
  afterAll(() => server?.stop());

  for (const driver of drivers) {
    describe(driver, () => {
      it('Postgres stopped mid-run: 503s, never a 2xx without the record; started again, it recovers without a manual step', async () => {
        const schema = `outage_${randomUUID().slice(0, 8)}`;
        const instance = await startInstance(server.url, driver, {
          schema,
          leaseMs: 2_500,
          timeoutMs: 2_000,
          handlerMs: 5,
        });
        const tables = appTables(server.url, schema);
        try {
          const events = Array.from({ length: 60 }, () => randomUUID());
          const answers: { eventId: string; answer: Answer }[] = [];
          const sending = (async () => {
            for (const eventId of events) {
              answers.push({ eventId, answer: await deliver(instance, eventId) });
              await sleep(25);
            }
          })();
          await sleep(400);
          await server.stop('SIGKILL');
          await sleep(1_500);
          await server.start();
          await sending;

          const statuses = new Set(answers.map(({ answer }) => answer.status));
          expect(statuses.has(503), `statuses: ${[...statuses]}`).toBe(true);
          expect([...statuses].filter((s) => ![200, 500, 503].includes(s))).toEqual([]);
          for (const { eventId, answer } of answers) {
            if (answer.status !== 200) continue;
            expect(await tables.recorded(eventId), `event ${eventId} answered 200`).toBe('handled');
            expect(await tables.parts(eventId)).toEqual([1, 2]);
          }
          // The driver reconnects by itself (postgres.js after a backoff), and the leases of attempts that
          // could not release them during the outage run out: the provider's retries of everything that
          // failed then go through, and nothing is handled twice.
          const retryUntil = Date.now() + 15_000;
          for (const { eventId, answer } of answers) {
            let retry = await deliver(instance, eventId);
            while ([409, 503].includes(retry.status) && Date.now() < retryUntil) {
              await sleep(250);
              retry = await deliver(instance, eventId);
            }
            expect(retry).toEqual({ status: 200, outcome: answer.status === 200 ? 'duplicate' : 'handled' });
            expect(await tables.parts(eventId)).toEqual([1, 2]);
          }
        } finally {
          await instance.process.stop();
          await tables.close();
        }
      });

      it('pool exhausted: a bounded 503 (half the deadline), not a hang; the retry goes through', async () => {
        const schema = `pool_${randomUUID().slice(0, 8)}`;
        const instance = await startInstance(server.url, driver, {
          schema,
          leaseMs: 20_000,
          timeoutMs: 4_000,
          handlerMs: 2_500,
          poolMax: 2,
        });
        try {
          // Two deliveries hold both connections in their handlers' transactions for 2.5 s.
          const busy = [randomUUID(), randomUUID()];
          const holding = busy.map((eventId) => deliver(instance, eventId));
          await instance.process.next((m) => m.inTransaction === busy[0]);
          await instance.process.next((m) => m.inTransaction === busy[1]);
          const eventId = randomUUID();
          const started = Date.now();
          expect(await deliver(instance, eventId)).toEqual({ status: 503, outcome: 'unavailable' });
          expect(Date.now() - started).toBeLessThan(3_500);
          for (const answer of await Promise.all(holding)) {
            expect(answer).toEqual({ status: 200, outcome: 'handled' });
          }
          expect(await deliver(instance, eventId)).toEqual({ status: 200, outcome: 'handled' });
        } finally {
          await instance.process.stop();
        }
      });

      it('statement timeout: a handler statement past it rolls back (500, nothing recorded, the retry runs); a store statement past it answers 503', async () => {
        const schema = `stmt_${randomUUID().slice(0, 8)}`;
        const instance = await startInstance(server.url, driver, {
          schema,
          leaseMs: 10_000,
          timeoutMs: 4_000,
          handlerMs: 5,
          statementTimeoutMs: 300,
        });
        const tables = appTables(server.url, schema);
        const locker = new pg.Client({ connectionString: server.url });
        locker.on('error', () => {}); // the server is killed in the next test
        try {
          const slow = randomUUID();
          expect(await deliver(instance, slow, 'slow-statement')).toEqual({
            status: 500,
            outcome: 'handler_error',
          });
          expect(await tables.parts(slow)).toEqual([]);
          expect(await tables.recorded(slow)).toBeUndefined();
          expect(await deliver(instance, slow, 'slow-statement')).toEqual({
            status: 200,
            outcome: 'handled',
          });
          expect(await tables.parts(slow)).toEqual([1, 2]);

          // The store's own table locked by someone else: its statement is cancelled, the answer is a prompt 503.
          await locker.connect();
          await locker.query('BEGIN');
          await locker.query(`LOCK TABLE "${schema}".deliveries IN ACCESS EXCLUSIVE MODE`);
          const started = Date.now();
          expect(await deliver(instance, randomUUID())).toEqual({ status: 503, outcome: 'unavailable' });
          expect(Date.now() - started).toBeLessThan(1_900);
          await locker.query('ROLLBACK');
          expect(await deliver(instance, randomUUID())).toEqual({ status: 200, outcome: 'handled' });
        } finally {
          await locker.end().catch(() => {});
          await instance.process.stop();
          await tables.close();
        }
      });
    });
  }
});
