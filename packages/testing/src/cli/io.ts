/** What a command may touch: its output streams, the environment, files, and the signal to stop. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly style: Style;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Resolves when the user asks to stop (SIGINT, SIGTERM); long-running commands wait for it. */
  readonly stopped: Promise<string>;
  /** All of stdin, for a secret given as `-`. */
  readonly readStdin?: () => Promise<string>;
}

export interface Style {
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

const paint = (enabled: boolean, open: number, close: number) => (text: string) =>
  enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text;

export function createStyle(enabled: boolean): Style {
  return {
    enabled,
    bold: paint(enabled, 1, 22),
    dim: paint(enabled, 2, 22),
    green: paint(enabled, 32, 39),
    red: paint(enabled, 31, 39),
    yellow: paint(enabled, 33, 39),
    cyan: paint(enabled, 36, 39),
  };
}

/**
 * Colour only on a terminal, never when NO_COLOR is set (https://no-color.org); FORCE_COLOR turns it
 * on for pipes (CI logs) unless NO_COLOR says otherwise.
 */
export function wantsColor(isTty: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return isTty && env.TERM !== 'dumb';
}

export function processIo(): CliIo {
  let stopped: Promise<string> | undefined;
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    style: createStyle(wantsColor(process.stdout.isTTY === true, process.env)),
    env: process.env,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    // Signals are caught only by a command that waits for them (jwks); any other is stopped by Ctrl-C at once.
    get stopped() {
      stopped ??= new Promise<string>((resolve) => {
        for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve(signal));
      });
      return stopped;
    },
  };
}
