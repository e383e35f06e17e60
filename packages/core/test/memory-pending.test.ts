import { memoryPendingStore, type PendingOperation } from '@authhooks/core';
import { describe, expect, it } from 'vitest';

const operation = (id: string, match = `user.create.complete|user:${id}`): PendingOperation => ({
  id,
  type: 'user.create',
  match,
  event: { type: 'user.create', user: { id } },
  dueAt: 1_000,
  answered: 'ok',
});

/** Records, claims and decides `id`; a later addPending of the same id is a no-op while it is remembered. */
async function decideOne(store: ReturnType<typeof memoryPendingStore>, id: string, keepMs = 60_000) {
  await store.addPending(operation(id));
  const claimed = await store.claimMatch(operation(id).match, `t-${id}`, 10_000);
  expect(claimed?.operation.id).toBe(id);
  await store.decide(id, `t-${id}`, 'committed', keepMs);
}

/** Whether the store still remembers `id` (a remembered one is not recorded again). */
async function remembers(store: ReturnType<typeof memoryPendingStore>, id: string) {
  await store.addPending(operation(id));
  return (await store.claimMatch(operation(id).match, 'probe', 1)) === undefined;
}

describe('memoryPendingStore', () => {
  it('keeps at most maxDecided decided operations, forgetting the oldest decision first', async () => {
    const store = memoryPendingStore(() => 0, 3);
    for (const id of ['a', 'b', 'c', 'd']) await decideOne(store, id);
    expect(await remembers(store, 'a')).toBe(false);
    expect(await remembers(store, 'd')).toBe(true);
  });

  it('never drops an undecided operation to stay within the bound', async () => {
    const store = memoryPendingStore(() => 0, 2);
    await store.addPending(operation('waiting'));
    for (const id of ['a', 'b', 'c', 'd', 'e']) await decideOne(store, id);
    expect((await store.claimDue(2_000, 'sweeper', 10_000, 10)).map((c) => c.operation.id)).toEqual([
      'waiting',
    ]);
  });

  it('forgets a decided operation keepMs after its decision', async () => {
    let now = 0;
    const store = memoryPendingStore(() => now);
    await decideOne(store, 'a', 500);
    now = 499;
    expect(await remembers(store, 'a')).toBe(true);
    now = 501;
    expect(await remembers(store, 'a')).toBe(false);
  });
});
