import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeWithPostgres,
  type PostgresServer,
  startPostgresServer,
} from '../support/postgres-server.js';
import {
  type Answer,
  appTables,
  deliver,
  expectAlive,
  type Instance,
  startInstance,
} from './postgres-instances.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Two receivers in separate processes (node-postgres and postgres.js) share one PostgreSQL; their
// handlers write through the transactional inbox. Each event is handled once wherever its copies land,
// and a receiver killed inside its handler's transaction leaves no half effect for the retry to trip on.
describeWithPostgres('two receiver processes sharing one PostgreSQL', () => {
  const schema = `multi_${randomUUID().slice(0, 8)}`;
  const leaseMs = 2_500;
  let server: PostgresServer;
  let a: Instance;
  let b: Instance;
  let tables: ReturnType<typeof appTables>;

  beforeAll(async () => {
    server = await startPostgresServer();
    const settings = { schema, leaseMs, timeoutMs: 2_000, handlerMs: 30, windowMs: 800 };
    // One after the other: both migrate at start, and the second must find the schema in place.
    a = await startInstance(server.url, 'pg', settings);
    b = await startInstance(server.url, 'postgres.js', settings);
    tables = appTables(server.url, schema);
  });
  afterAll(async () => {
    await Promise.all([a?.process.stop(), b?.process.stop()]);
    await tables?.close();
    await server?.stop();
  });

  it('200 concurrent deliveries of 20 events spread over both: each handler runs once, its effect is whole, every copy answers 200', async () => {
    const events = Array.from({ length: 20 }, () => randomUUID());
    const deliveries = Array.from({ length: 200 }, (_, i) => ({
      eventId: events[i % 20] as string,
      instance: (Math.floor(i / 20) + i) % 2 === 0 ? a : b,
    }));
    const answers = await Promise.all(
      deliveries.map(async (d) => ({ ...d, answer: await deliver(d.instance, d.eventId) })),
    );
    const seen = new Set(answers.map(({ answer }) => `${answer.status} ${answer.outcome}`));
    expect([...seen].filter((s) => !['200 handled', '200 duplicate'].includes(s))).toEqual([]);
    for (const eventId of events) {
      const handled = answers.filter((x) => x.eventId === eventId && x.answer.outcome === 'handled');
      expect(handled, `event ${eventId}`).toHaveLength(1);
      expect(await tables.runs(eventId)).toBe(1);
      expect(await tables.parts(eventId)).toEqual([1, 2]);
      expect(await tables.recorded(eventId)).toBe('handled');
    }
    for (const eventId of events.slice(0, 5)) {
      expect(await deliver(a, eventId)).toEqual({ status: 200, outcome: 'duplicate' });
      expect(await deliver(b, eventId)).toEqual({ status: 200, outcome: 'duplicate' });
    }
    expectAlive(a, b);
  });

  it('SIGKILL inside the handler transaction: no half effect; the retry runs it whole, once', async () => {
    const eventId = randomUUID();
    const lost = deliver(a, eventId, 'hang-first').catch((error: unknown) => error);
    await a.process.next((m) => m.inTransaction === eventId);
    await a.process.stop('SIGKILL');
    expect(await lost).toBeInstanceOf(Error);

    // Part 1 was written in the transaction that died with the process: nothing of it is visible.
    expect(await tables.parts(eventId)).toEqual([]);
    expect(await tables.recorded(eventId)).toBe('held'); // the dead attempt's lease, until it runs out
    // A retry within the lease waits for the dead attempt and answers 409 at its deadline…
    expect(await deliver(b, eventId, 'hang-first')).toEqual({ status: 409, outcome: 'in_progress' });
    await sleep(leaseMs);
    // …and once the lease ran out, the retry runs it, whole.
    expect(await deliver(b, eventId, 'hang-first')).toEqual({ status: 200, outcome: 'handled' });
    expect(await tables.parts(eventId)).toEqual([1, 2]);
    expect(await tables.runs(eventId)).toBe(2);
    expect(await deliver(b, eventId, 'hang-first')).toEqual({ status: 200, outcome: 'duplicate' });

    a = await startInstance(server.url, 'pg', {
      schema,
      leaseMs,
      timeoutMs: 2_000,
      handlerMs: 30,
      windowMs: 800,
    });
  });

  it('killed after its transaction committed, before the answer: the pending undo survives, and another instance runs onRollback', async () => {
    const eventId = randomUUID();
    const lost: Promise<Answer | unknown> = deliver(a, eventId, 'die-after-commit', 'user.create').catch(
      (error: unknown) => error,
    );
    await a.process.next((m) => m.committed === eventId).catch(() => undefined);
    expect(await lost).toBeInstanceOf(Error);
    // Written in the handler's transaction, before any answer: the tracker of the dead process never ran.
    expect(await tables.pending(eventId)).toEqual({ state: 'pending', provisional: true });
    expect(await tables.recorded(eventId)).toBe('handled');
    // FusionAuth got no answer and rolled back; b's sweeper decides the operation once its window passed.
    const deadline = Date.now() + 10_000;
    while ((await tables.rollback(eventId)) === undefined && Date.now() < deadline) await sleep(100);
    expect(await tables.rollback(eventId)).toBe('window');
    expect((await tables.pending(eventId))?.state).toBe('rolled_back');

    a = await startInstance(server.url, 'pg', {
      schema,
      leaseMs,
      timeoutMs: 2_000,
      handlerMs: 30,
      windowMs: 800,
    });
    expectAlive(a, b);
  });
});
