/**
 * What every `PendingStore` must do (commit-aware handlers), as tests: call `pendingContract(factory)`
 * inside a `describe`. Times are the caller's clock (`now` arguments); leases are real milliseconds.
 */
import { randomUUID } from 'node:crypto';
import type { PendingOperation, PendingStore } from '@authhooks/core';
import { expect, test } from 'vitest';

export interface PendingFactory {
  /** Another store over the same state (another connection for Redis), or the same one. */
  open(): PendingStore;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function operation(overrides: Partial<PendingOperation> = {}): PendingOperation {
  return {
    id: randomUUID(),
    type: 'user.create',
    match: `user.create.complete|user:${randomUUID()}`,
    event: { type: 'user.create', user: { id: 'u' } },
    dueAt: Date.now() + 60_000,
    answered: 'ok',
    ...overrides,
  };
}

export function pendingContract(factory: () => PendingFactory): void {
  // One after another: claimDue hands out whatever is due in the shared state, other tests' too.
  const it = test;

  it('an operation is claimed by its match once, whole, and not again while claimed', async () => {
    const [a, b] = [factory().open(), factory().open()];
    const op = operation();
    await a.addPending(op);
    await a.addPending({ ...op, type: 'changed' }); // idempotent on id
    expect(await b.claimMatch(op.match, 't1', 10_000)).toEqual({ operation: op, state: 'pending' });
    expect(await a.claimMatch(op.match, 't2', 10_000)).toBeUndefined();
    await b.decide(op.id, 't1', 'committed', 60_000);
    expect(await a.claimMatch(op.match, 't3', 10_000)).toBeUndefined(); // committed is final
  });

  it('a rolled-back operation is still found by its match (a late *.complete), the oldest first', async () => {
    const store = factory().open();
    const match = `m|${randomUUID()}`;
    const first = operation({ match });
    const second = operation({ match });
    await store.addPending(first);
    await sleep(5);
    await store.addPending(second);
    expect((await store.claimMatch(match, 'a', 10_000))?.operation.id).toBe(first.id);
    await store.decide(first.id, 'a', 'rolled_back', 60_000);
    expect(await store.claimMatch(match, 'b', 10_000)).toEqual({ operation: first, state: 'rolled_back' });
  });

  it('claimDue hands out what is due, each once, across stores, and skips what is not', async () => {
    const stores = [factory().open(), factory().open(), factory().open()];
    const now = Date.now();
    const due = Array.from({ length: 12 }, () => operation({ dueAt: now - 1 }));
    const later = operation({ dueAt: now + 60_000 });
    for (const op of [...due, later]) await (stores[0] as PendingStore).addPending(op);
    const claims = await Promise.all(
      Array.from({ length: 9 }, (_, i) => (stores[i % 3] as PendingStore).claimDue(now, `t${i}`, 10_000, 50)),
    );
    const ids = claims.flat().map((claim) => claim.operation.id);
    const mine = new Set(due.map((op) => op.id));
    expect(ids.filter((id) => mine.has(id)).sort()).toEqual([...mine].sort());
    expect(ids).not.toContain(later.id);
    for (const [i, list] of claims.entries()) {
      for (const claim of list)
        await (stores[i % 3] as PendingStore).decide(claim.operation.id, `t${i}`, 'rolled_back', 60_000);
    }
  });

  it('only the claim holder decides or retries; a retried operation is due again later', async () => {
    const store = factory().open();
    const now = Date.now();
    const op = operation({ dueAt: now - 1 });
    await store.addPending(op);
    const [claimed] = (await store.claimDue(now, 'holder', 10_000, 1000)).filter(
      (c) => c.operation.id === op.id,
    );
    expect(claimed?.state).toBe('pending');
    await store.decide(op.id, 'intruder', 'rolled_back', 60_000);
    await store.retry(op.id, 'intruder', now);
    expect((await store.claimDue(now, 'other', 10_000, 1000)).map((c) => c.operation.id)).not.toContain(
      op.id,
    );
    await store.retry(op.id, 'holder', now + 500);
    expect((await store.claimDue(now, 'x', 10_000, 1000)).map((c) => c.operation.id)).not.toContain(op.id);
    expect((await store.claimDue(now + 600, 'y', 10_000, 1000)).map((c) => c.operation.id)).toContain(op.id);
    await store.decide(op.id, 'y', 'rolled_back', 60_000);
    expect((await store.claimDue(now + 10_000, 'z', 10_000, 1000)).map((c) => c.operation.id)).not.toContain(
      op.id,
    );
  });

  it('a second record of a pending operation only moves its due time later', async () => {
    const store = factory().open();
    const now = Date.now();
    const op = operation({ dueAt: now + 100 });
    const claimedAt = async (at: number, token: string) =>
      (await store.claimDue(at, token, 10_000, 1000)).some((claim) => claim.operation.id === op.id);
    await store.addPending(op);
    await store.addPending({ ...op, dueAt: now + 50 }); // earlier: ignored
    expect(await claimedAt(now + 60, 'early')).toBe(false);
    await store.addPending({ ...op, dueAt: now + 1_000 }); // later: the operation waits for it
    expect(await claimedAt(now + 200, 'between')).toBe(false);
    expect(await claimedAt(now + 1_000, 'due')).toBe(true);
    await store.decide(op.id, 'due', 'rolled_back', 60_000);
  });

  it('reschedule moves a pending, unclaimed operation either way, and leaves claimed or decided ones alone', async () => {
    const store = factory().open();
    const now = Date.now();
    const ids = (claims: readonly { operation: PendingOperation }[]) => claims.map((c) => c.operation.id);
    const held = operation({ dueAt: now + 600_000 });
    await store.addPending(held);
    await store.reschedule(held.id, now + 100);
    expect(ids(await store.claimDue(now + 50, 'a', 10_000, 1000))).not.toContain(held.id);
    expect(ids(await store.claimDue(now + 100, 'b', 10_000, 1000))).toContain(held.id);
    await store.reschedule(held.id, now + 600_000); // claimed by b: unchanged
    await store.retry(held.id, 'b', now + 200);
    expect(ids(await store.claimDue(now + 200, 'c', 10_000, 1000))).toContain(held.id);
    await store.decide(held.id, 'c', 'rolled_back', 60_000);
    await store.reschedule(held.id, now); // decided: unchanged
    expect(ids(await store.claimDue(now + 1_000, 'd', 10_000, 1000))).not.toContain(held.id);
    expect(await store.claimMatch(held.match, 'e', 10_000)).toEqual({
      operation: held,
      state: 'rolled_back',
    });
  });

  it('a claim whose holder died ends with its lease', async () => {
    const store = factory().open();
    const op = operation();
    await store.addPending(op);
    expect(await store.claimMatch(op.match, 'crashed', 150)).toBeDefined();
    expect(await store.claimMatch(op.match, 'next', 150)).toBeUndefined();
    await sleep(300);
    expect((await store.claimMatch(op.match, 'next', 150))?.operation.id).toBe(op.id);
  });
}
