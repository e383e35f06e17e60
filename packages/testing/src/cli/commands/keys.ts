import { createTestKeys } from '../../sign/keys.js';
import { type Command, exitCodes } from '../command.js';
import { flag, stringOption } from '../values.js';
import { algorithmOption } from './shared.js';

export const keys: Command = {
  name: 'keys',
  summary: 'Create a test signing key: a key pair (PEM + JWK) or an HMAC secret',
  usage: '[--alg RS256] [--kid <id>] [--json]',
  positionals: { min: 0, max: 0 },
  options: { alg: { type: 'string' }, kid: { type: 'string' }, json: { type: 'boolean' } },
  help: `A fresh key like the ones FusionAuth Key Master holds, for tests only.
For RS*/PS*/ES*/Ed25519 prints the private key (sign with it: \`authhooks send --private-key\`), the public key
PEM and its JWK (give either to the receiver, or serve them: \`authhooks jwks --key\`). For HS* prints the secret
(the same value goes to the sender and to fusionReceiver({ signature: { hmacSecret } })).

Options
  --alg <alg>              HS256 HS384 HS512 RS256 RS384 RS512 PS256 PS384 PS512 ES256 ES384 ES512 Ed25519 EdDSA
                           (default RS256)
  --kid <id>               the key id (default: a random one)
  --json                   print { alg, kid, privateKeyPem, publicKeyPem, publicJwk } or { alg, kid, hmacSecret }
`,
  async run(invocation, io) {
    const alg = algorithmOption(invocation) ?? 'RS256';
    const kid = stringOption(invocation, 'kid');
    const key = await createTestKeys(alg, kid === undefined ? {} : { kid });
    if ('hmacSecret' in key) {
      if (flag(invocation, 'json')) io.out(JSON.stringify(key, null, 2));
      else io.out(`${io.style.bold(`${key.alg} secret`)} (kid ${key.kid})\n${key.hmacSecret}`);
      return exitCodes.ok;
    }
    const { privateKeyPem, publicKeyPem, publicJwk } = key;
    if (flag(invocation, 'json')) {
      io.out(JSON.stringify({ alg: key.alg, kid: key.kid, privateKeyPem, publicKeyPem, publicJwk }, null, 2));
      return exitCodes.ok;
    }
    const { bold } = io.style;
    io.out(
      [
        `${bold(`${key.alg} key pair`)} (kid ${key.kid})`,
        '',
        bold('Private key (PKCS#8): the sender signs with it'),
        privateKeyPem.trimEnd(),
        '',
        bold('Public key (SPKI): for fusionReceiver({ signature: { publicKeys: [pem] } })'),
        publicKeyPem.trimEnd(),
        '',
        bold('Public JWK: what a JWKS lists'),
        JSON.stringify(publicJwk),
      ].join('\n'),
    );
    return exitCodes.ok;
  },
};
