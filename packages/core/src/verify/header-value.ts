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
    name: `${name} header`,
    async verify(headers) {
      const actual = headers.get(name);
      if (actual === null) return failed(`missing ${name} header`);
      return (await matchesAny(actual, accepted)) ? verified : failed(`${name} header does not match`);
    },
  };
}
