import { matchesAny } from './constant-time.js';
import { nonEmptyList } from './list.js';
import { failed, type HeaderVerifier, verified } from './types.js';

export interface HeaderValueOptions {
  /** Header name, case-insensitive (`authorization`, `x-webhook-key`, …). */
  readonly header: string;
  /** Accepted values; several during a key rotation. */
  readonly values: string | readonly string[];
}

/** Exact, constant-time match of one request header against the configured value(s). */
export function headerValueVerifier({ header, values }: HeaderValueOptions): HeaderVerifier {
  const accepted = nonEmptyList(values, `the value for header "${header}"`);
  const name = header.toLowerCase();
  return {
    kind: 'headers',
    check: name,
    verify(headers) {
      const actual = headers.get(name);
      if (actual === null) return failed(`missing ${name} header`);
      return matchesAny(actual, accepted) ? verified : failed(`${name} header does not match`);
    },
  };
}
