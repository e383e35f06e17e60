import { afterEach, beforeEach } from 'vitest';

/**
 * Records every unhandled rejection and uncaught exception while each test runs (in production Node
 * would exit on them). Call at describe level; assert the returned list is empty at the end of a test.
 */
export function watchUnhandled(): unknown[] {
  const seen: unknown[] = [];
  const record = (reason: unknown) => seen.push(reason);
  beforeEach(() => {
    seen.length = 0;
    process.on('unhandledRejection', record);
    process.on('uncaughtException', record);
  });
  afterEach(() => {
    process.off('unhandledRejection', record);
    process.off('uncaughtException', record);
  });
  return seen;
}
