import type { ClaimedOperation, PendingOperation, PendingState, PendingStore } from '@authhooks/core';
import type { ScriptRunner } from './client.js';
import {
  addPendingScript,
  claimDueScript,
  claimMatchScript,
  decideScript,
  rescheduleScript,
  retryScript,
} from './pending-scripts.js';

/**
 * Pending operations of commit-aware handlers in Redis, shared by every instance on the same prefix, so
 * a restart or another instance decides what one left open. Claims are leases: a claimer that died
 * loses its claim when the lease ends.
 */
export function redisPendingStore(redis: ScriptRunner, prefix: string, recordTtlMs: number): PendingStore {
  // One hash tag for every key: Cluster keeps them on one node, so one script can touch several.
  const base = `${prefix}pending:{ops}:`;
  const opKey = (id: string) => `${base}op:${id}`;
  const dueKey = `${base}due`;
  const matchKey = (match: string) => `${base}match:${match}`;
  const ttl = String(recordTtlMs);
  let order = 0;

  const parse = (op: unknown, state: unknown): ClaimedOperation => ({
    operation: JSON.parse(String(op)) as PendingOperation,
    state: String(state) as PendingState,
  });

  return {
    async addPending(operation) {
      await redis.run(
        addPendingScript,
        [opKey(operation.id), dueKey, matchKey(operation.match)],
        [
          JSON.stringify(operation),
          String(operation.dueAt),
          String(Date.now() * 1000 + (order++ % 1000)),
          operation.id,
          ttl,
          operation.match,
        ],
      );
    },
    async claimMatch(match, token, leaseMs) {
      const reply = await redis.run(claimMatchScript, matchKey(match), [
        String(Date.now()),
        token,
        String(leaseMs),
        `${base}op:`,
      ]);
      if (!Array.isArray(reply)) return undefined;
      return parse(reply[0], reply[1]);
    },
    async claimDue(now, token, leaseMs, limit) {
      const reply = await redis.run(claimDueScript, dueKey, [
        String(now),
        token,
        String(leaseMs),
        `${base}op:`,
        String(limit),
      ]);
      const claimed: ClaimedOperation[] = [];
      if (!Array.isArray(reply)) return claimed;
      for (let i = 0; i + 1 < reply.length; i += 2) claimed.push(parse(reply[i], reply[i + 1]));
      return claimed;
    },
    async decide(id, token, state, keepMs) {
      await redis.run(decideScript, [opKey(id), dueKey], [token, state, String(keepMs), id, `${base}match:`]);
    },
    async reschedule(id, dueAt) {
      await redis.run(rescheduleScript, [opKey(id), dueKey], [String(Date.now()), String(dueAt), id]);
    },
    async retry(id, token, retryAt) {
      await redis.run(retryScript, [opKey(id), dueKey], [token, String(retryAt), id]);
    },
  };
}
