import type { ClaimedOperation, PendingOperation, PendingState, PendingStore } from '@authhooks/core';
import type { SqlRunner } from './driver.js';
import type { Names } from './names.js';

// One row per operation. Claims are leases on the row (claim_token, claimed_until, in ms of the
// callers' clocks as with Redis); SKIP LOCKED lets instances claim different rows at once.

interface ClaimRow {
  operation: string;
  state: string;
}

export function pendingStatements({ pending }: Names) {
  const keep = (param: string) => `clock_timestamp() + (${param}::bigint * interval '1 millisecond')`;
  const claimed = `RETURNING operation::text AS operation, state`;
  return {
    /**
     * $1 id, $2 match, $3 operation JSON, $4 due, $5 provisional, $6 order, $7 ttl ms. A known pending
     * one only moves its due time later, unless it was written provisionally inside a handler's
     * transaction: the answer's record then replaces it.
     */
    add: `INSERT INTO ${pending} AS p (id, match, operation, state, due, provisional, added, expires_at)
VALUES ($1, $2, $3::text::jsonb, 'pending', $4::bigint, $5::boolean, $6::bigint, ${keep('$7')})
ON CONFLICT (id) DO UPDATE SET
  due = CASE WHEN p.provisional THEN excluded.due ELSE greatest(p.due, excluded.due) END,
  operation = CASE WHEN p.provisional THEN excluded.operation ELSE p.operation END,
  provisional = false
WHERE p.state = 'pending' AND NOT excluded.provisional AND (p.provisional OR p.due < excluded.due)`,
    /** $1 match, $2 token, $3 now, $4 lease ms. */
    claimMatch: `UPDATE ${pending} SET claim_token = $2, claimed_until = $3::bigint + $4::bigint
WHERE id = (
  SELECT id FROM ${pending}
  WHERE match = $1 AND state <> 'committed' AND claimed_until <= $3::bigint AND expires_at > clock_timestamp()
  ORDER BY added LIMIT 1 FOR UPDATE SKIP LOCKED
)
${claimed}`,
    /** $1 now, $2 token, $3 lease ms, $4 limit. */
    claimDue: `UPDATE ${pending} SET claim_token = $2, claimed_until = $1::bigint + $3::bigint
WHERE id IN (
  SELECT id FROM ${pending}
  WHERE state = 'pending' AND due <= $1::bigint AND claimed_until <= $1::bigint
  ORDER BY due LIMIT $4::int FOR UPDATE SKIP LOCKED
)
${claimed}`,
    /** $1 id, $2 token, $3 state, $4 keep ms. */
    decide: `UPDATE ${pending} SET state = $3, claim_token = NULL, claimed_until = 0, expires_at = ${keep('$4')}
WHERE id = $1 AND claim_token = $2`,
    /** $1 id, $2 token, $3 retry at. */
    retry: `UPDATE ${pending} SET claim_token = NULL, claimed_until = 0, due = $3::bigint WHERE id = $1 AND claim_token = $2`,
    /** $1 id, $2 now, $3 due. */
    reschedule: `UPDATE ${pending} SET due = $3::bigint
WHERE id = $1 AND state = 'pending' AND claimed_until <= $2::bigint`,
    /** $1 limit. */
    sweep: `DELETE FROM ${pending} WHERE id IN (
  SELECT id FROM ${pending} WHERE expires_at <= clock_timestamp() ORDER BY expires_at LIMIT $1::int
  FOR UPDATE SKIP LOCKED
)
RETURNING 1`,
  };
}

export type PendingStatements = ReturnType<typeof pendingStatements>;

/** Insertion order for claimMatch: ms, then a counter, as with Redis. */
let order = 0;
const nextOrder = () => String(Date.now() * 1000 + (order++ % 1000));

export function addPendingParams(
  operation: PendingOperation,
  provisional: boolean,
  recordTtlMs: number,
): string[] {
  return [
    operation.id,
    operation.match,
    JSON.stringify(operation),
    String(operation.dueAt),
    String(provisional),
    nextOrder(),
    String(recordTtlMs),
  ];
}

export function postgresPendingStore(
  sql: SqlRunner,
  statements: PendingStatements,
  recordTtlMs: number,
): PendingStore {
  const parse = (row: ClaimRow): ClaimedOperation => ({
    operation: JSON.parse(row.operation) as PendingOperation,
    state: row.state as PendingState,
  });
  return {
    async addPending(operation) {
      await sql.query(statements.add, addPendingParams(operation, false, recordTtlMs));
    },
    async claimMatch(match, token, leaseMs) {
      const [row] = await sql.query<ClaimRow>(statements.claimMatch, [
        match,
        token,
        String(Date.now()),
        String(leaseMs),
      ]);
      return row === undefined ? undefined : parse(row);
    },
    async claimDue(now, token, leaseMs, limit) {
      const rows = await sql.query<ClaimRow>(statements.claimDue, [
        String(now),
        token,
        String(leaseMs),
        String(limit),
      ]);
      return rows.map(parse);
    },
    async decide(id, token, state, keepMs) {
      await sql.query(statements.decide, [id, token, state, String(keepMs)]);
    },
    async retry(id, token, retryAt) {
      await sql.query(statements.retry, [id, token, String(retryAt)]);
    },
    async reschedule(id, dueAt) {
      await sql.query(statements.reschedule, [id, String(Date.now()), String(dueAt)]);
    },
  };
}
