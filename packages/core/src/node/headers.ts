import type { IncomingMessage } from 'node:http';
import type { HeaderReader } from '../http/headers.js';

/**
 * The request headers as Web `Headers` would show them: a header sent twice reads as both values
 * joined with ", ". Node's `req.headers` keeps only the first `Authorization` or `Content-Type` and
 * drops the rest, which would let `[valid, forged]` pass here and fail on every Web runtime; reading
 * the raw pairs gives one rule everywhere (a duplicated security header never matches, so it is refused).
 */
export function nodeHeaders(req: IncomingMessage): HeaderReader {
  const raw = req.rawHeaders;
  return {
    get(name) {
      const wanted = name.toLowerCase();
      let value: string | null = null;
      for (let i = 0; i < raw.length; i += 2) {
        const key = raw[i] as string;
        if (key.length !== wanted.length || key.toLowerCase() !== wanted) continue;
        value = value === null ? (raw[i + 1] as string) : `${value}, ${raw[i + 1]}`;
      }
      return value;
    },
  };
}
