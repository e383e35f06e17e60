import { AsyncLocalStorage } from 'node:async_hooks';
import { consoleLogger, type Logger } from '@authhooks/core';
import type { FastifyBaseLogger } from 'fastify';

/** Routes authhooks' log lines to the pino logger of the request being answered (`request.log`). */
export interface RequestLogs {
  /** The receiver's logger: writes through the current request's `request.log`. */
  readonly logger: Logger;
  /** Runs `fn` with `log` as the current request's logger. */
  run<T>(log: FastifyBaseLogger, fn: () => T): T;
  /** Where lines go outside a request (the Fastify instance's logger once registered). */
  fallbackTo(log: FastifyBaseLogger): void;
}

type Level = 'debug' | 'info' | 'warn' | 'error';

/**
 * A logger adapter bound to each request's pino logger, so authhooks' lines (and `ctx.log`) come out
 * as pino lines with Fastify's `reqId` and at the levels the app configured.
 */
export function requestLogs(): RequestLogs {
  const current = new AsyncLocalStorage<Logger>();
  let fallback: Logger = consoleLogger();
  const active = () => current.getStore() ?? fallback;

  const bound = (bindings: object | undefined): Logger => {
    const at =
      (level: Level) =>
      (fields: object, message?: string): void => {
        active()[level](bindings === undefined ? fields : { ...bindings, ...fields }, message);
      };
    return {
      debug: at('debug'),
      info: at('info'),
      warn: at('warn'),
      error: at('error'),
      // Inside a request this is pino's own child (bindings once, at pino's speed); outside, merged per line.
      child: (more) => {
        const store = current.getStore();
        const all = { ...bindings, ...more };
        return store?.child ? store.child(all) : bound(all);
      },
      isLevelEnabled: (level) => active().isLevelEnabled?.(level) ?? true,
    };
  };

  return {
    logger: bound(undefined),
    run: (log, fn) => current.run(log as unknown as Logger, fn),
    fallbackTo(log) {
      fallback = log as unknown as Logger;
    },
  };
}
