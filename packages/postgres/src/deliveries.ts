import type { Names } from './names.js';

/** The statements on the deliveries table. Times are the server's clock, so instances agree on leases. */
export function deliveryStatements({ deliveries, channel, recordHandled }: Names) {
  const ms = (param: string) => `clock_timestamp() + (${param}::bigint * interval '1 millisecond')`;
  return {
    /**
     * $1 key, $2 token, $3 lease ms. A free or expired key → a lease holding the token (one row back);
     * otherwise no row, and `state` tells what holds it.
     */
    reserve: `INSERT INTO ${deliveries} AS d (key, state, token, expires_at) VALUES ($1, 'held', $2, ${ms('$3')})
ON CONFLICT (key) DO UPDATE SET state = 'held', token = excluded.token, expires_at = excluded.expires_at
WHERE d.expires_at <= clock_timestamp()
RETURNING 1`,
    /**
     * $1 key, $2 ttl ms, $3 the message for waiting copies. Handled, whoever holds the lease now; the
     * message goes out (at commit) only when a copy said it waits.
     */
    complete: `WITH recorded AS (
  INSERT INTO ${deliveries} AS d (key, state, token, expires_at) VALUES ($1, 'handled', NULL, ${ms('$2')})
  ON CONFLICT (key) DO UPDATE SET state = 'handled', token = NULL, expires_at = excluded.expires_at
  RETURNING waited
)
SELECT pg_notify('${channel}', $3) FROM recorded WHERE waited`,
    /**
     * $1 key, $2 token, $3 ttl ms, $4 message: inside the handler's transaction, only while this
     * attempt's lease holds the key (expired or not: nobody else took it); raises otherwise.
     */
    completeHeld: `SELECT ${recordHandled}($1, $2, $3::bigint, $4)`,
    /** $1 key, $2 token, $3 message. Deletes only a lease holding this token. */
    release: `WITH freed AS (
  DELETE FROM ${deliveries} WHERE key = $1 AND state = 'held' AND token = $2 RETURNING waited
)
SELECT pg_notify('${channel}', $3) FROM freed WHERE waited`,
    /**
     * $1 key. A waiting copy (already listening) marks a live lease as waited on, so that whoever
     * settles it sends the message: one row back while it is held. The row lock orders this against
     * the settling write, so either that write sees the mark or this finds the lease gone.
     */
    wait: `UPDATE ${deliveries} SET waited = true
WHERE key = $1 AND state = 'held' AND expires_at > clock_timestamp()
RETURNING 1`,
    /** $1 key. */
    state: `SELECT CASE
  WHEN state = 'handled' AND expires_at > clock_timestamp() THEN 'handled'
  WHEN expires_at > clock_timestamp() THEN 'held'
  ELSE 'free'
END AS state FROM ${deliveries} WHERE key = $1`,
    /** $1 limit. Expired rows, found through the expiry index. */
    sweep: `DELETE FROM ${deliveries} WHERE key IN (
  SELECT key FROM ${deliveries} WHERE expires_at <= clock_timestamp() ORDER BY expires_at LIMIT $1::int
  FOR UPDATE SKIP LOCKED
)
RETURNING 1`,
  };
}
