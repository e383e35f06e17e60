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
   * `ttlMs`. Default 100 000. The decided commit-aware operations it keeps (`onCommit`/`onRollback`)
   * have the same bound of their own.
   */
  readonly maxEntries?: number;
  /** Injectable clock for tests. */
  readonly now?: () => number;
}

/** An attempt in progress: its lease holder's token and when the lease ends. */
interface Lease {
  readonly token: string;
  readonly expiresAt: number;
}

/**
 * In-process store for a single receiver instance; it also keeps the pending operations of
 * commit-aware handlers (`onCommit`/`onRollback`).
 *
 * Handled ids and leases live in two Maps. A handled id is a key and one small integer (its expiry in
 * ms since the store was made, which V8 keeps unboxed for the store's first 11 days or so; later ones
 * are boxed, and just as correct): about 145 bytes with a UUID, 15 MB for the default 100 000
 * (docs/memory.md).
 * Both Maps keep insertion order, which is expiry order (every record of a Map has the same duration),
 * so expiry and eviction walk from the front and stop at the first live entry.
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
  const epoch = now();
  /** Handled ids → when they are forgotten, in ms since `epoch`. */
  const handled = new Map<string, number>();
  const leases = new Map<string, Lease>();
  /** Copies waiting for a key's attempt to settle, told at once by complete/release. */
  const waiters = new Map<string, Set<(settlement: Settlement) => void>>();

  const notify = (key: string, settlement: Settlement) => {
    const waiting = waiters.get(key);
    if (waiting === undefined) return;
    waiters.delete(key);
    for (const wake of waiting) wake(settlement);
  };

  /** Past the bound the oldest handled ids go first; leases only when nothing else is left. */
  const bound = () => {
    while (handled.size + leases.size > maxEntries) {
      const oldest = handled.size > 0 ? handled.keys().next().value : leases.keys().next().value;
      if (oldest === undefined) return;
      if (!handled.delete(oldest)) leases.delete(oldest);
    }
  };

  const sweep = (at: number) => {
    const since = at - epoch;
    for (const [key, expiresAt] of handled) {
      if (expiresAt > since) break;
      handled.delete(key);
    }
    for (const [key, lease] of leases) {
      if (lease.expiresAt > at) break;
      leases.delete(key);
    }
  };

  /** The live record of `key` at `at`, if any. */
  const lookup = (key: string, at: number): 'done' | Lease | undefined => {
    const lease = leases.get(key);
    if (lease !== undefined && lease.expiresAt > at) return lease;
    const expiresAt = handled.get(key);
    return expiresAt !== undefined && expiresAt > at - epoch ? 'done' : undefined;
  };

  const pending = memoryPendingStore(now, maxEntries);
  return {
    addPending: pending.addPending,
    claimMatch: pending.claimMatch,
    claimDue: pending.claimDue,
    decide: pending.decide,
    reschedule: pending.reschedule,
    retry: pending.retry,
    leaseMs,
    get size() {
      return handled.size + leases.size;
    },
    async reserve(key, token): Promise<Reservation> {
      const at = now();
      sweep(at);
      const record = lookup(key, at);
      if (record !== undefined) return record === 'done' ? 'duplicate' : 'in_progress';
      handled.delete(key);
      leases.delete(key); // re-inserted at the back: the order stays the expiry order
      leases.set(key, { token, expiresAt: at + leaseMs });
      bound();
      return 'reserved';
    },
    async complete(key) {
      leases.delete(key);
      handled.delete(key);
      handled.set(key, now() - epoch + ttlMs);
      bound();
      notify(key, { state: 'handled' });
    },
    async release(key, token, verdict?: Verdict) {
      if (leases.get(key)?.token !== token) return;
      leases.delete(key);
      notify(key, { state: 'released', verdict });
    },
    settled(key, signal) {
      const at = now();
      const record = lookup(key, at);
      if (record === undefined) return Promise.resolve({ state: 'released' });
      if (record === 'done') return Promise.resolve({ state: 'handled' });
      const entry = record;
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
