import { memoryPendingStore } from '../commit/memory-pending.js';
import type { PendingStore } from '../commit/types.js';
import type { IdempotencyStore, Reservation, Settlement, Verdict } from './types.js';

export interface MemoryStoreOptions {
  /** How long a handled event id is remembered. Default 24 h. */
  readonly ttlMs?: number;
  /** How long an unfinished reservation (a lease) blocks duplicates. Default 60 s. */
  readonly leaseMs?: number;
  /**
   * Memory bound: beyond this many keys the oldest are forgotten, and a copy of a forgotten event runs
   * again. The window it keeps is `maxEntries / deliveries per second` (100 000 at 10/s: 2.8 h), at most
   * `ttlMs`. Default 100 000.
   */
  readonly maxEntries?: number;
  /** Injectable clock for tests. */
  readonly now?: () => number;
}

interface Entry {
  state: 'in_progress' | 'done';
  expiresAt: number;
  /** The lease holder's token while `in_progress`. */
  token: string;
}

/**
 * In-process store for a single receiver instance; it also keeps the pending operations of
 * commit-aware handlers (`onCommit`/`onRollback`). A Map keeps insertion order, so the oldest
 * entry is always first: expiry and eviction walk from the front and stop at the first live entry.
 */
export function memoryStore(
  options: MemoryStoreOptions = {},
): IdempotencyStore & PendingStore & { readonly size: number } {
  const { ttlMs = 86_400_000, leaseMs = 60_000, maxEntries = 100_000, now = Date.now } = options;
  for (const [name, value] of Object.entries({ ttlMs, leaseMs, maxEntries })) {
    if (!Number.isFinite(value) || value <= 0) {
      throw new TypeError(`authhooks: memoryStore ${name} must be a positive number, got ${value}.`);
    }
  }
  const entries = new Map<string, Entry>();
  /** Copies waiting for a key's attempt to settle, told at once by complete/release. */
  const waiters = new Map<string, Set<(settlement: Settlement) => void>>();

  const notify = (key: string, settlement: Settlement) => {
    const waiting = waiters.get(key);
    if (waiting === undefined) return;
    waiters.delete(key);
    for (const wake of waiting) wake(settlement);
  };

  const set = (key: string, entry: Entry) => {
    entries.delete(key); // re-insert at the back so the order stays oldest-first
    entries.set(key, entry);
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next().value as string;
      entries.delete(oldest);
    }
  };

  const sweep = (at: number) => {
    for (const [key, entry] of entries) {
      if (entry.expiresAt > at) break;
      entries.delete(key);
    }
  };

  const pending = memoryPendingStore(now);
  return {
    addPending: pending.addPending,
    claimMatch: pending.claimMatch,
    claimDue: pending.claimDue,
    decide: pending.decide,
    reschedule: pending.reschedule,
    retry: pending.retry,
    leaseMs,
    get size() {
      return entries.size;
    },
    async reserve(key, token): Promise<Reservation> {
      const at = now();
      sweep(at);
      const entry = entries.get(key);
      if (entry !== undefined && entry.expiresAt > at)
        return entry.state === 'done' ? 'duplicate' : 'in_progress';
      set(key, { state: 'in_progress', expiresAt: at + leaseMs, token });
      return 'reserved';
    },
    async complete(key) {
      set(key, { state: 'done', expiresAt: now() + ttlMs, token: '' });
      notify(key, { state: 'handled' });
    },
    async release(key, token, verdict?: Verdict) {
      const entry = entries.get(key);
      if (entry?.state !== 'in_progress' || entry.token !== token) return;
      entries.delete(key);
      notify(key, { state: 'released', verdict });
    },
    settled(key, signal) {
      const at = now();
      const entry = entries.get(key);
      if (entry === undefined || entry.expiresAt <= at) return Promise.resolve({ state: 'released' });
      if (entry.state === 'done') return Promise.resolve({ state: 'handled' });
      if (signal.aborted) return Promise.resolve({ state: 'in_progress' });
      return new Promise<Settlement>((resolve) => {
        const finish = (settlement: Settlement) => {
          clearTimeout(leaseEnd);
          signal.removeEventListener('abort', onAbort);
          waiters.get(key)?.delete(finish);
          resolve(settlement);
        };
        const onAbort = () => finish({ state: 'in_progress' });
        // A lease nobody completes or releases (a crashed attempt) frees the key when it ends.
        const leaseEnd = setTimeout(() => finish({ state: 'released' }), entry.expiresAt - at + 1);
        signal.addEventListener('abort', onAbort, { once: true });
        const waiting = waiters.get(key) ?? new Set();
        waiters.set(key, waiting);
        waiting.add(finish);
      });
    },
  };
}
