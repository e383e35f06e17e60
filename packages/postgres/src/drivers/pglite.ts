import type { PGlite, Transaction } from '@electric-sql/pglite';
import { type Driver, type Listener, type SqlRunner, thenLast } from '../driver.js';

const runnerOf = (db: PGlite | Transaction): SqlRunner => ({
  async query<Row extends object>(text: string, params?: readonly (string | null)[]) {
    const result = await db.query<Row>(text, params as (string | null)[] | undefined);
    return result.rows;
  },
});

/** PGlite (embedded Postgres): one connection, so transactions run one at a time. */
export function pgliteDriver(db: PGlite): Driver<Transaction> {
  if (
    typeof db !== 'object' ||
    db === null ||
    typeof db.transaction !== 'function' ||
    typeof db.listen !== 'function'
  ) {
    throw new TypeError(
      "authhooks: pgliteStore takes a PGlite database (import { PGlite } from '@electric-sql/pglite'; const db = new PGlite(dir)).",
    );
  }
  return {
    ...runnerOf(db),
    async transaction(work, last) {
      const all = thenLast(work, last);
      return db.transaction((tx) => all(runnerOf(tx), tx));
    },
    async listen(channel, onMessage): Promise<Listener> {
      const unlisten = await db.listen(channel, onMessage);
      return {
        broken: false,
        close() {
          void unlisten().catch(() => {});
        },
      };
    },
  };
}
