import { readFile } from 'node:fs/promises';
import type { JWK } from 'jose';
import type { AsymmetricAlgorithm } from '../../sign/algorithms.js';
import { publicJwkOf, serveJwks } from '../../sign/jwks.js';
import { createTestKeys } from '../../sign/keys.js';
import { jwkOfPem } from '../../sign/signing-key.js';
import { type Command, exitCodes, UsageError } from '../command.js';
import { listOption, stringOption } from '../values.js';
import { algorithmOption, thumbprintOf } from './shared.js';

export const jwks: Command = {
  name: 'jwks',
  summary: 'Serve a local JWKS endpoint (like FusionAuth /.well-known/jwks.json) until Ctrl-C',
  usage: '[--port <port>] [--key <key.pem> …] [--kid <id>] [--alg <alg>]',
  positionals: { min: 0, max: 0 },
  options: {
    port: { type: 'string' },
    key: { type: 'string', multiple: true },
    kid: { type: 'string' },
    alg: { type: 'string' },
    host: { type: 'string' },
  },
  help: `Serves the public halves of the given keys at http://127.0.0.1:<port>/.well-known/jwks.json, for
fusionReceiver({ signature: { jwksUrl } }). Without --key it creates a key pair and prints its private key, so
\`authhooks send --private-key\` can sign with it.

Options
  --port <port>            default: a free port (printed)
  --key <key.pem>          a private or public PEM key (repeatable); only its public half is served
  --kid <id>               the key id (with one --key or none; default: the JWK thumbprint, as \`send\` uses)
  --alg <alg>              the algorithm listed (default: the key's usual one; RS256 for a new key)
  --host <address>         default 127.0.0.1
`,
  async run(invocation, io) {
    const portText = stringOption(invocation, 'port');
    const port = portText === undefined ? 0 : Number(portText);
    if (!/^\d+$/.test(portText ?? '0') || !Number.isInteger(port) || port < 0 || port > 65535) {
      throw new UsageError(`--port is a port number (0–65535), got "${portText}"`);
    }
    const files = listOption(invocation, 'key');
    const kid = stringOption(invocation, 'kid');
    const alg = algorithmOption(invocation);
    if (alg?.startsWith('HS'))
      throw new UsageError('an HMAC key is never listed in a JWKS; use --alg RS256, ES256, Ed25519 …');
    if (kid !== undefined && files.length > 1)
      throw new UsageError('--kid names one key; give one --key with it');

    const jwkList: JWK[] = [];
    if (files.length === 0) {
      const created = await createTestKeys(
        (alg ?? 'RS256') as AsymmetricAlgorithm,
        kid === undefined ? {} : { kid },
      );
      jwkList.push(created.publicJwk);
      io.out(
        io.style.bold(
          `Created a ${created.alg} key (kid ${created.kid}); its private key, for \`authhooks send --private-key\`:`,
        ),
      );
      io.out(created.privateKeyPem.trimEnd());
    }
    for (const file of files) {
      let pem: string;
      try {
        pem = await readFile(file, 'utf8');
      } catch {
        throw new UsageError(`--key: cannot read the file "${file}"`);
      }
      const jwk = publicJwkOf(jwkOfPem(pem, true));
      jwkList.push({ ...jwk, ...(alg !== undefined && { alg }), kid: kid ?? (await thumbprintOf(pem)) });
    }
    const host = stringOption(invocation, 'host') ?? '127.0.0.1';
    let server: Awaited<ReturnType<typeof serveJwks>>;
    try {
      server = await serveJwks(jwkList, { port, host });
    } catch (error) {
      throw new Error(`cannot listen on ${host}:${port} (${(error as Error).message})`);
    }
    io.out(
      `JWKS ${io.style.cyan(server.url)} (${jwkList.map((jwk) => `kid ${jwk.kid}`).join(', ')}); Ctrl-C to stop`,
    );
    const signal = await io.stopped;
    await server.close();
    io.err(`stopped (${signal})`);
    return exitCodes.ok;
  },
};
