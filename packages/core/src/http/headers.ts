/** Read-only, case-insensitive view of request headers, whatever shape the framework hands us. */
export interface HeaderReader {
  get(name: string): string | null;
}

/** Node (`IncomingHttpHeaders`) style: lower-case keys, repeated headers as arrays. */
export type HeaderRecord = Readonly<Record<string, string | readonly string[] | undefined>>;

export type HeadersInput = HeaderReader | HeaderRecord;

function isReader(input: HeadersInput): input is HeaderReader {
  return typeof (input as { get?: unknown }).get === 'function';
}

/**
 * A reader over any header input. For a plain record, every key spelled like `name` in any case is
 * read and repeated values are joined with ", " — exactly what Web `Headers` shows — so a header sent
 * twice (as two keys, or as an array) never passes as one of its values.
 */
export function readHeaders(input: HeadersInput): HeaderReader {
  if (isReader(input)) return input;
  return new RecordHeaders(input);
}

class RecordHeaders implements HeaderReader {
  readonly #record: HeaderRecord;
  #keys: string[] | undefined = undefined;

  constructor(record: HeaderRecord) {
    this.#record = record;
  }

  get(name: string): string | null {
    const wanted = name.toLowerCase();
    this.#keys ??= Object.keys(this.#record);
    let value: string | null = null;
    for (const key of this.#keys) {
      if (key.length !== wanted.length || (key !== wanted && key.toLowerCase() !== wanted)) continue;
      const found = this.#record[key];
      if (found === undefined) continue;
      const text = typeof found === 'string' ? found : found.join(', ');
      value = value === null ? text : `${value}, ${text}`;
    }
    return value;
  }
}
