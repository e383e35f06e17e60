import type { Sql, TransactionSql } from 'postgres';
import { type Driver, type Listener, type SqlRunner, thenLast } from '../driver.js';

const runnerOf = (sql: Sql | TransactionSql): SqlRunner => ({
  async query<Row extends object>(text: string, params: readonly (string | null)[] = []) {
    return (await sql.unsafe(text, params as (string | null)[])) as unknown as Row[];
  },
});

/** postgres.js: `sql.begin` for transactions, its own LISTEN connection for waiting copies. */
export function postgresJsDriver(sql: Sql): Driver<TransactionSql> {
  if (typeof sql !== 'function' || typeof sql.begin !== 'function' || typeof sql.unsafe !== 'function') {
    throw new TypeError(
      "authhooks: postgresJsStore takes the sql function of postgres.js (import postgres from 'postgres'; const sql = postgres(url)).",
    );
  }
  return {
    ...runnerOf(sql),
    async transaction(work, last) {
      const all = thenLast(work, last);
      return (await sql.begin((tx) => all(runnerOf(tx), tx))) as Awaited<ReturnType<typeof work>>;
    },
    async listen(channel, onMessage): Promise<Listener> {
      const { unlisten } = await sql.listen(channel, onMessage);
      return {
        broken: false, // postgres.js reconnects and listens again by itself
        close() {
          void unlisten().catch(() => {});
        },
      };
    },
  };
}
