import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pendingContract } from '../../../test/support/pending-contract.js';
import {
  describeWithPostgres,
  type PostgresServer,
  startPostgresServer,
} from '../../../test/support/postgres-server.js';
import { type StoreFactory, settledContract, storeContract } from '../../../test/support/store-contract.js';
import type { PostgresStore } from '../src/index.js';
import { type Connected, type DriverKind, pgliteKind, serverKinds } from './drivers.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The contracts on one driver: several connections over one schema, so calls race inside Postgres. */
function contracts(kind: DriverKind, url: () => string | undefined, schema: string) {
  const connections: Connected[] = [];
  let next = 0;
  const factory: StoreFactory = {
    sharesState: true,
    open: (options) => (connections[next++ % connections.length] as Connected).store({ schema, ...options }),
  };
  beforeAll(async () => {
    // PGlite is one connection in this process: one of it is the whole state.
    const count = kind.needsServer ? 3 : 1;
    for (let i = 0; i < count; i++) connections.push(await kind.connect(url()));
    await connections[0]?.store({ schema }).migrate();
  });
  afterAll(async () => {
    await Promise.all(connections.map((c) => c.close()));
  });
  storeContract(() => factory);
  settledContract(() => factory);
  it('a waiting copy is woken by the NOTIFY of the settling write, not by the once-a-second re-check', async () => {
    const [holder, waiter] = [factory.open(), factory.open()];
    const key = `notify:${randomUUID()}`;
    await holder.reserve(key, 'a');
    const waiting = waiter.settled?.(key, new AbortController().signal);
    await sleep(300); // the waiter listens and has marked the lease as waited on
    const completed = performance.now();
    await holder.complete(key, 'a');
    expect(await waiting).toEqual({ state: 'handled' });
    // The re-check runs 1 000 ms after the first check; a NOTIFY arrives within milliseconds.
    expect(performance.now() - completed).toBeLessThan(600);
  });
  describe('pending operations', () => {
    pendingContract(() => ({ open: () => factory.open() as PostgresStore<unknown> }));
  });
}

describe('pgliteStore (PGlite, no server needed)', () => {
  contracts(pgliteKind, () => undefined, 'contract');
});

describeWithPostgres('Postgres store on a real server', () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgresServer();
  });
  afterAll(() => server?.stop());

  for (const kind of serverKinds) {
    describe(kind.name, () => {
      contracts(kind, () => server.url, `contract_${kind.name.replace(/\W.*/, '').replace('.', '')}`);
    });
  }
});
