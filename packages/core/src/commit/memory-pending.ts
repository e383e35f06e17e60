import type { ClaimedOperation, PendingOperation, PendingState, PendingStore } from './types.js';

/** An operation that can still be handed out: pending, or rolled back (a late `*.complete`). */
interface Entry {
  readonly operation: PendingOperation;
  readonly id: string;
  readonly match: string;
  state: PendingState;
  dueAt: number;
  claim: { token: string; until: number } | undefined;
}

/**
 * Pending operations in this process (what `memoryStore()` keeps them in).
 *
 * Undecided operations are never dropped (each is decided within its window). Decided ones are kept
 * `keepMs` for a late `*.complete` or a late copy, and at most `maxDecided` of them: past that the
 * oldest decision is forgotten first. A committed one is final (never handed out again), so all that
 * is left of it is its id and when to forget it; a rolled-back one keeps its event (a late
 * `*.complete` still runs `onCommit` with it). Every call is proportional to what it touches: a
 * `*.complete` looks at the operations of its own match, a sweep at the undecided ones.
 */
export function memoryPendingStore(now: () => number = Date.now, maxDecided = 100_000): PendingStore {
  /** Pending and rolled-back operations. */
  const entries = new Map<string, Entry>();
  /** Undecided operations, in the order they were recorded. */
  const undecided = new Set<Entry>();
  /** Operations a `*.complete` can still claim (pending or rolled back), by match, oldest first. */
  const claimable = new Map<string, Set<Entry>>();
  /**
   * Decided operations → when they are forgotten (ms since `epoch`: a small integer V8 keeps unboxed),
   * in the order they were decided.
   */
  const decided = new Map<string, number>();
  const epoch = now();

  const free = (entry: Entry, at: number) => entry.claim === undefined || entry.claim.until <= at;
  const claim = (entry: Entry, token: string, leaseMs: number, at: number): ClaimedOperation => {
    entry.claim = { token, until: at + leaseMs };
    return { operation: entry.operation, state: entry.state };
  };
  const unclaimable = (entry: Entry) => {
    const same = claimable.get(entry.match);
    if (same === undefined) return;
    same.delete(entry);
    if (same.size === 0) claimable.delete(entry.match);
  };
  const drop = (id: string) => {
    const entry = entries.get(id);
    decided.delete(id);
    if (entry === undefined) return;
    entries.delete(id);
    unclaimable(entry);
  };
  const forget = (at: number) => {
    const since = at - epoch;
    for (const [id, forgetAt] of decided) {
      if (forgetAt > since) break;
      drop(id);
    }
    while (decided.size > maxDecided) drop(decided.keys().next().value as string);
  };

  return {
    async addPending(operation) {
      forget(now());
      const known = entries.get(operation.id);
      if (known !== undefined) {
        if (known.state === 'pending') known.dueAt = Math.max(known.dueAt, operation.dueAt);
        return;
      }
      if (decided.has(operation.id)) return;
      const entry: Entry = {
        operation,
        id: operation.id,
        match: operation.match,
        state: 'pending',
        dueAt: operation.dueAt,
        claim: undefined,
      };
      entries.set(operation.id, entry);
      undecided.add(entry);
      const same = claimable.get(operation.match);
      if (same === undefined) claimable.set(operation.match, new Set([entry]));
      else same.add(entry);
    },
    async claimMatch(match, token, leaseMs) {
      const at = now();
      forget(at);
      for (const entry of claimable.get(match) ?? []) {
        if (free(entry, at)) return claim(entry, token, leaseMs, at);
      }
      return undefined;
    },
    async claimDue(at, token, leaseMs, limit) {
      const claimed: ClaimedOperation[] = [];
      const clock = now();
      forget(clock);
      for (const entry of undecided) {
        if (claimed.length >= limit) break;
        if (entry.dueAt > at || !free(entry, clock)) continue;
        claimed.push(claim(entry, token, leaseMs, clock));
      }
      return claimed;
    },
    async decide(id, token, state, keepMs) {
      const entry = entries.get(id);
      if (entry?.claim?.token !== token) return;
      entry.state = state;
      entry.claim = undefined;
      undecided.delete(entry);
      if (state === 'committed') {
        entries.delete(id);
        unclaimable(entry);
      }
      const at = now();
      decided.delete(id); // a rolled-back one decided again: its time starts over, at the back
      decided.set(id, at - epoch + keepMs);
      forget(at);
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
