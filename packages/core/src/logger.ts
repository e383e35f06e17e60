/** The subset of pino's API authhooks uses: `(fields, message)` at four levels, child loggers optional. */
export interface Logger {
  debug(fields: object, message?: string): void;
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
  child?(bindings: object): Logger;
}

const noop = () => {};
export const silentLogger: Logger = { debug: noop, info: noop, warn: noop, error: noop };

/** Default: warnings and errors as one JSON line on stderr. Never includes bodies, secrets or stacks. */
export function consoleLogger(bindings: object = {}): Logger {
  const write = (level: string) => (fields: object, message?: string) => {
    console.error(JSON.stringify({ level, name: 'authhooks', ...bindings, ...fields, msg: message }));
  };
  return {
    debug: noop,
    info: noop,
    warn: write('warn'),
    error: write('error'),
    child: (more) => consoleLogger({ ...bindings, ...more }),
  };
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

/** Error details that are safe to log: name and message, never the stack or attached objects. */
export function describeError(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: typeof error, message: String(error) };
}
