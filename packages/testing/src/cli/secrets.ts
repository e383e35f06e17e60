import { type Invocation, type OptionsConfig, UsageError } from './command.js';
import type { CliIo } from './io.js';
import { fileOption, stringOption } from './values.js';

/** A secret option: `--<name>`, its `--<name>-file` twin, and the environment variable the receivers read. */
export interface SecretSource {
  readonly name: string;
  readonly env?: string;
}

/** The options of `secrets`: each `--<name>` and `--<name>-file`. */
export function secretOptions(...secrets: readonly SecretSource[]): OptionsConfig {
  return Object.fromEntries(
    secrets.flatMap(({ name }) => [
      [name, { type: 'string' }],
      [`${name}-file`, { type: 'string' }],
    ]),
  ) as OptionsConfig;
}

/** One `--help` paragraph on where secrets come from, and why not argv. */
export const secretsHelp = `Secrets (--authorization, --basic, --hmac-secret, --signing-key, a password in --redis) are read
from, in order: --<option>-file <path> (its first line), --<option> - (one line of stdin), the
environment variable named beside the option, or --<option> <value>. Avoid the last: arguments are
visible to every user of the machine (ps, /proc) and end up in shell history. Secrets are never printed.`;

/**
 * A secret's value: from `--<name>-file`, from stdin (`--<name> -`), from its environment variable,
 * or from argv. Error messages name the option, never the value.
 */
export async function secretOption(
  invocation: Invocation,
  io: CliIo,
  { name, env }: SecretSource,
): Promise<string | undefined> {
  const given = stringOption(invocation, name);
  if (given !== undefined && stringOption(invocation, `${name}-file`) !== undefined) {
    throw new UsageError(`give --${name} or --${name}-file, not both`);
  }
  const file = await fileOption(invocation, `${name}-file`);
  if (file !== undefined) return firstLine(file, `--${name}-file`);
  if (given === '-') {
    if (io.readStdin === undefined) throw new UsageError(`--${name} -: stdin cannot be read here`);
    return firstLine(await io.readStdin(), `--${name} - (stdin)`);
  }
  if (given !== undefined) return given;
  const fromEnv = env === undefined ? undefined : io.env[env];
  return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
}

function firstLine(text: string, where: string): string {
  const line = text.split(/\r?\n/, 1)[0] ?? '';
  if (line === '') throw new UsageError(`${where} is empty`);
  return line;
}
