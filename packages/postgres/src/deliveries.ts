import type { Names } from './names.js';

/** The statements on the deliveries table. Times are the server's clock, so instances agree on leases. */
export function deliveryStatements({ deliveries, channel, recordHandled }: Names) {
  const ms = (param: string) => `clock_timestamp() + (${param}::bigint * interval '1 millisecond')`;
  return {
    /**
     * $1 key, $2 token, $3 lease ms. A free or expired key → a lease holding the token; otherwise what
     * holds it. A row a concurrent statement committed after this one's snapshot reads as in_progress.
     */
    reserve: `WITH taken AS (
  INSERT INTO ${deliveries} AS d (key, state, token, expires_at) VALUES ($1, 'held', $2, ${ms('$3')})
  ON CONFLICT (key) DO UPDATE SET state = 'held', token = excluded.token, expires_at = excluded.expires_at
  WHERE d.expires_at <= clock_timestamp()
  RETURNING 1
)
SELECT CASE
  WHEN EXISTS (SELECT 1 FROM taken) THEN 'reserved'
  WHEN (SELECT state FROM ${deliveries} WHERE key = $1) = 'handled' THEN 'duplicate'
  ELSE 'in_progress'
END AS result`,
    /** $1 key, $2 ttl ms, $3 the message for waiting copies. Handled, whoever holds the lease now. */
    complete: `WITH recorded AS (
  INSERT INTO ${deliveries} AS d (key, state, token, expires_at) VALUES ($1, 'handled', NULL, ${ms('$2')})
  ON CONFLICT (key) DO UPDATE SET state = 'handled', token = NULL, expires_at = excluded.expires_at
  RETURNING 1
)
SELECT pg_notify('${channel}', $3) FROM recorded`,
    /**
     * $1 key, $2 token, $3 ttl ms, $4 message: inside the handler's transaction, only while this
     * attempt's lease holds the key (expired or not: nobody else took it); raises otherwise.
     */
    completeHeld: `SELECT ${recordHandled}($1, $2, $3::bigint, $4)`,
    /** $1 key, $2 token, $3 message. Deletes only a lease holding this token. */
    release: `WITH freed AS (
  DELETE FROM ${deliveries} WHERE key = $1 AND state = 'held' AND token = $2 RETURNING 1
)
SELECT pg_notify('${channel}', $3) FROM freed`,
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
