import type { ClaimedOperation, PendingOperation, PendingState, PendingStore } from './types.js';

interface Entry {
  operation: PendingOperation;
  state: PendingState;
  dueAt: number;
  claim: { token: string; until: number } | undefined;
  forgetAt: number;
}

/** Pending operations in this process (what `memoryStore()` keeps them in). */
export function memoryPendingStore(now: () => number = Date.now): PendingStore {
  const entries = new Map<string, Entry>();
  const free = (entry: Entry, at: number) => entry.claim === undefined || entry.claim.until <= at;
  const claim = (entry: Entry, token: string, leaseMs: number, at: number): ClaimedOperation => {
    entry.claim = { token, until: at + leaseMs };
    return { operation: entry.operation, state: entry.state };
  };
  const forget = (at: number) => {
    for (const [id, entry] of entries) if (entry.forgetAt <= at) entries.delete(id);
  };

  return {
    async addPending(operation) {
      const known = entries.get(operation.id);
      if (known !== undefined) {
        if (known.state === 'pending') known.dueAt = Math.max(known.dueAt, operation.dueAt);
        return;
      }
      entries.set(operation.id, {
        operation,
        state: 'pending',
        dueAt: operation.dueAt,
        claim: undefined,
        forgetAt: Number.POSITIVE_INFINITY,
      });
    },
    async claimMatch(match, token, leaseMs) {
      const at = now();
      forget(at);
      for (const entry of entries.values()) {
        if (entry.operation.match !== match || entry.state === 'committed' || !free(entry, at)) continue;
        return claim(entry, token, leaseMs, at);
      }
      return undefined;
    },
    async claimDue(at, token, leaseMs, limit) {
      const claimed: ClaimedOperation[] = [];
      const clock = now();
      for (const entry of entries.values()) {
        if (claimed.length >= limit) break;
        if (entry.state !== 'pending' || entry.dueAt > at || !free(entry, clock)) continue;
        claimed.push(claim(entry, token, leaseMs, clock));
      }
      return claimed;
    },
    async decide(id, token, state, keepMs) {
      const entry = entries.get(id);
      if (entry?.claim?.token !== token) return;
      entry.state = state;
      entry.claim = undefined;
      entry.forgetAt = now() + keepMs;
    },
    async reschedule(id, dueAt) {
      const entry = entries.get(id);
      if (entry === undefined || entry.state !== 'pending' || !free(entry, now())) return;
      entry.dueAt = dueAt;
    },
    async retry(id, token, retryAt) {
      const entry = entries.get(id);
      if (entry?.claim?.token !== token) return;
      entry.claim = undefined;
      entry.dueAt = retryAt;
    },
  };
}
