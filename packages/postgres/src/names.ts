/**
 * The schema everything lives in. Schema names cannot be bind parameters, so only plain lower-case
 * identifiers are accepted (no quoting surprises, nothing to inject), and they are always quoted.
 */
export const defaultSchema = 'authhooks';

const identifier = /^[a-z_][a-z0-9_]{0,47}$/;

export interface Names {
  readonly schema: string;
  /** `"<schema>".deliveries`: one row per event key (a lease, or the record that it was handled). */
  readonly deliveries: string;
  /** `"<schema>".pending_operations`: the operations commit-aware handlers wait on. */
  readonly pending: string;
  /** `"<schema>".migrations`: which migrations ran. */
  readonly migrations: string;
  /** The NOTIFY channel waiting copies listen on (one per schema). */
  readonly channel: string;
  /** `"<schema>".record_handled`: the inbox's record, raising `leaseLostMessage` without the lease. */
  readonly recordHandled: string;
}

/** What record_handled raises when the attempt no longer holds its lease. */
export const leaseLostMessage = 'authhooks: lease lost';

export function namesFor(schema: string = defaultSchema): Names {
  if (typeof schema !== 'string' || !identifier.test(schema)) {
    throw new TypeError(
      `authhooks: the Postgres schema name must be a lower-case identifier of at most 48 characters (letters, digits, _), such as 'authhooks', got ${JSON.stringify(String(schema)).slice(0, 80)}.`,
    );
  }
  const quoted = `"${schema}"`;
  return {
    schema,
    deliveries: `${quoted}.deliveries`,
    pending: `${quoted}.pending_operations`,
    migrations: `${quoted}.migrations`,
    channel: `${schema}_settled`,
    recordHandled: `${quoted}.record_handled`,
  };
}
