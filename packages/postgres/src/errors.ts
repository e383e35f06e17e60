import type { Names } from './names.js';

/** A Postgres error with its SQLSTATE, whichever driver raised it. */
function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * The store's tables are missing (42P01) or its schema is (3F000): the one mistake everybody makes
 * once, so it says what to run instead of Postgres' own words.
 */
export function explain(error: unknown, names: Names): unknown {
  const state = sqlState(error);
  if (state !== '42P01' && state !== '3F000') return error;
  return new Error(
    `authhooks: the Postgres tables of the "${names.schema}" schema do not exist yet. Create them once before starting the receiver: ` +
      `await store.migrate(), or \`npx authhooks postgres migrate --url <connection string> --schema ${names.schema}\`.`,
    { cause: error },
  );
}

/** This attempt's lease ran out and another attempt holds the event now: the transaction must not commit. */
export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
  constructor(key: string) {
    super(
      `authhooks: the reservation of ${key} ran out while the handler ran and another attempt holds the event now, so this transaction was rolled back (the effect happens once). Raise the store's leaseMs above how long handlers take.`,
    );
  }
}
