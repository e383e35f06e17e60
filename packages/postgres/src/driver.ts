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

/** A listening connection: `broken` once it can no longer receive notifications. */
export interface Listener {
  close(): void;
  readonly broken: boolean;
}

export interface Driver<Tx> extends SqlRunner {
  /** `pg`, `postgres.js` or `PGlite`, for messages. */
  readonly name: string;
  /**
   * Runs `work` in one transaction on one connection: committed when it resolves, rolled back when it
   * throws. `tx` is the driver's own transaction object, handed to the user's code.
   */
  transaction<T>(work: (runner: SqlRunner, tx: Tx) => Promise<T>): Promise<T>;
  /** LISTENs on `channel` until `close()`; each notification's payload goes to `onMessage`. */
  listen(channel: string, onMessage: (payload: string) => void): Promise<Listener>;
}
