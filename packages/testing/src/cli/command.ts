import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from './io.js';

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** What a command gets: its positionals and option values, checked against its own option list. */
export interface Invocation {
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | string[] | boolean[] | undefined>>;
}

/**
 * One command, one file under `commands/`. A group (`authhooks fusionauth config`) is a command
 * whose name has a space; other packages add theirs the same way (e.g. a `queue` group).
 */
export interface Command {
  /** As typed: `send`, `fusionauth config`. */
  readonly name: string;
  /** One line for `authhooks --help`. */
  readonly summary: string;
  /** `<type> --url <u> [options]`: what follows the name. */
  readonly usage: string;
  /** Explanations of the options and examples, shown by `--help`. */
  readonly help: string;
  readonly options: OptionsConfig;
  /** How many positionals it takes. */
  readonly positionals: { readonly min: number; readonly max: number };
  /** Exit code: 0 success, 1 the delivery or operation failed. Throw `UsageError` for bad input (exit 2). */
  run(invocation: Invocation, io: CliIo): Promise<number>;
}

/** Bad input from the user: printed with a pointer to `--help`, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;
