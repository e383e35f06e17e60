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

export function readHeaders(input: HeadersInput): HeaderReader {
  if (isReader(input)) return input;
  let lowered: Map<string, string> | undefined;
  return {
    get(name) {
      if (lowered === undefined) {
        lowered = new Map();
        for (const [key, value] of Object.entries(input)) {
          if (value === undefined) continue;
          lowered.set(key.toLowerCase(), typeof value === 'string' ? value : value.join(', '));
        }
      }
      return lowered.get(name.toLowerCase()) ?? null;
    },
  };
}
