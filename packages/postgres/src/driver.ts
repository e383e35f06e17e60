/**
 * What the store needs of a PostgreSQL driver. Each supported driver (node-postgres, postgres.js,
 * PGlite) is adapted to this in `drivers/`; everything else is written once against it.
 */
export interface SqlRunner {
  /** The rows of one parameterised statement (`$1`, `$2`, … each given as text or null). */
  query<Row extends object = Record<string, unknown>>(
    text: string,
    params?: readonly (string | null)[],
  ): Promise<Row[]>;
}

/** One parameterised statement. */
export interface Statement {
  readonly text: string;
  readonly params: readonly (string | null)[];
}

/** `work`, then `last` on the same connection, for drivers that cannot send it with their COMMIT. */
export function thenLast<T, Tx>(
  work: (runner: SqlRunner, tx: Tx) => Promise<T>,
  last: Statement | undefined,
): (runner: SqlRunner, tx: Tx) => Promise<T> {
  if (last === undefined) return work;
  return async (runner, tx) => {
    const result = await work(runner, tx);
    await runner.query(last.text, last.params);
    return result;
  };
}

/** A listening connection: `broken` once it can no longer receive notifications. */
export interface Listener {
  close(): void;
  readonly broken: boolean;
}

export interface Driver<Tx> extends SqlRunner {
  /**
   * Runs `work` in one transaction on one connection: committed when it resolves, rolled back when it
   * throws. `tx` is the driver's own transaction object, handed to the user's code. `last`, when given,
   * runs after `work` and right before the COMMIT (a driver that can sends both in one round trip).
   */
  transaction<T>(work: (runner: SqlRunner, tx: Tx) => Promise<T>, last?: Statement): Promise<T>;
  /** LISTENs on `channel` until `close()`; each notification's payload goes to `onMessage`. */
  listen(channel: string, onMessage: (payload: string) => void): Promise<Listener>;
}
