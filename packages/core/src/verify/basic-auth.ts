import { fromBase64 } from '../encoding.js';
import { matchesAny } from './constant-time.js';
import { nonEmptyList } from './list.js';
import { failed, type HeaderVerifier, verified } from './types.js';

export interface BasicCredentials {
  readonly username: string;
  readonly password: string;
}

export interface BasicAuthOptions {
  readonly credentials: BasicCredentials | readonly BasicCredentials[];
  readonly realm?: string;
}

/** HTTP Basic (RFC 7617). The decoded `user:password` is compared constant-time against each pair. */
export function basicAuthVerifier({ credentials, realm = 'webhook' }: BasicAuthOptions): HeaderVerifier {
  const pairs = nonEmptyList(credentials, 'basicAuth').map(({ username, password }) => {
    if (!username || !password)
      throw new TypeError('authhooks: basicAuth needs a non-empty username and password.');
    if (username.includes(':'))
      throw new TypeError('authhooks: a Basic auth username cannot contain ":" (RFC 7617).');
    return `${username}:${password}`;
  });
  return {
    kind: 'headers',
    check: 'authorization',
    challenge: `Basic realm="${realm.replace(/"/g, '')}", charset="UTF-8"`,
    verify(headers) {
      const header = headers.get('authorization');
      if (header === null) return failed('missing authorization header (Basic)');
      const match = /^basic[ \t]+([A-Za-z0-9+/=._~-]+)\s*$/i.exec(header);
      if (!match?.[1]) return failed('authorization header is not Basic credentials');
      let decoded: string;
      try {
        decoded = new TextDecoder('utf-8', { fatal: true }).decode(fromBase64(match[1]));
      } catch {
        return failed('authorization header is not valid Basic credentials');
      }
      return matchesAny(decoded, pairs) ? verified : failed('basic auth credentials do not match');
    },
  };
}
