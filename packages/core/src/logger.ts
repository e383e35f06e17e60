/** The subset of pino's API authhooks uses: `(fields, message)` at four levels, child loggers optional. */
export interface Logger {
  debug(fields: object, message?: string): void;
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
  child?(bindings: object): Logger;
  /** pino's: lets authhooks skip building fields for a level that is off. */
  isLevelEnabled?(level: string): boolean;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const noop = () => {};
export const silentLogger: Logger = {
  debug: noop,
  info: noop,
  warn: noop,
  error: noop,
  isLevelEnabled: () => false,
};

const rank: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40, silent: 50 };

export interface ConsoleLoggerOptions {
  /** Lowest level written. Default `AUTHHOOKS_LOG_LEVEL` from the environment, else `'info'`. */
  readonly level?: LogLevel;
  readonly bindings?: object;
}

/**
 * The default: one JSON line per entry on stderr, at `info` and above (every refused or failed
 * delivery, and whatever handlers log with `ctx.log`). Handled, ignored and duplicate deliveries are
 * `debug`. Never includes bodies, secrets or stacks.
 */
export function consoleLogger(options: ConsoleLoggerOptions = {}): Logger {
  const level = options.level ?? levelFromEnvironment();
  const bindings = options.bindings ?? {};
  const threshold = rank[level];
  const write = (name: Exclude<LogLevel, 'silent'>) =>
    rank[name] < threshold
      ? noop
      : (fields: object, message?: string) => {
          console.error(
            safeJson({
              level: name,
              time: Date.now(),
              name: 'authhooks',
              ...bindings,
              ...fields,
              msg: message,
            }),
          );
        };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (more) => consoleLogger({ level, bindings: { ...bindings, ...more } }),
    isLevelEnabled: (name) => (rank[name as LogLevel] ?? 0) >= threshold,
  };
}

function levelFromEnvironment(): LogLevel {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const wanted = env?.AUTHHOOKS_LOG_LEVEL?.trim().toLowerCase();
  return wanted !== undefined && wanted in rank ? (wanted as LogLevel) : 'info';
}

/** Whether a log call at this level would write anything: lets the hot path skip building its fields. */
export function levelEnabled(logger: Logger, level: Exclude<LogLevel, 'silent'>): boolean {
  if (typeof logger.isLevelEnabled === 'function') {
    try {
      return logger.isLevelEnabled(level) !== false;
    } catch {
      return true;
    }
  }
  return logger[level] !== noop;
}

export function childLogger(logger: Logger, bindings: object): Logger {
  if (typeof logger.child === 'function') return logger.child(bindings);
  const wrap = (fn: Logger['info']) => (fields: object, message?: string) =>
    fn.call(logger, { ...bindings, ...fields }, message);
  return {
    debug: wrap(logger.debug),
    info: wrap(logger.info),
    warn: wrap(logger.warn),
    error: wrap(logger.error),
  };
}

/**
 * Error details that are safe to log: name and message, never the stack or attached objects. Never
 * throws, whatever a handler threw (`Object.create(null)`, an object whose `toString` is not a function).
 */
export function describeError(error: unknown): { name: string; message: string } {
  try {
    if (error instanceof Error) return { name: String(error.name), message: String(error.message) };
    if (typeof error === 'object' && error !== null)
      return { name: 'non-Error object', message: describeObject(error) };
    return { name: typeof error, message: String(error) };
  } catch {
    return { name: typeof error, message: '(a value that cannot be printed)' };
  }
}

function describeObject(value: object): string {
  const prototype = Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null;
  const kind =
    typeof prototype?.constructor?.name === 'string' ? prototype.constructor.name : 'null-prototype object';
  return `a thrown ${kind} that is not an Error`;
}

/** Calls a logger so that a broken logger (or a field it cannot serialise) can never break an answer. */
export function safeLog(
  logger: Logger,
  level: Exclude<LogLevel, 'silent'>,
  fields: object,
  message: string,
): void {
  try {
    logger[level](fields, message);
  } catch {
    // A logger that throws has nowhere left to report to.
  }
}

function safeJson(entry: object): string {
  try {
    return JSON.stringify(entry);
  } catch {
    return JSON.stringify({ level: 'error', name: 'authhooks', msg: 'a log entry could not be serialised' });
  }
}
