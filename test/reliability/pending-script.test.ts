import { expect, it } from 'vitest';
import { startTestProcess } from '../support/test-process.js';

// Deadline timers used to be unref'd, so a script whose handler or store never settled exited (code 13)
// before its 504/503. A pending delivery now keeps the process alive until it is answered, and no longer.
it.each([
  ['a handler that never settles', 'handler', { status: 504, outcome: 'timeout' }],
  ['a store that never answers', 'store', { status: 503, outcome: 'unavailable' }],
])('a plain script awaiting receive() with %s gets its answer and exits 0', async (_name, pending, expected) => {
  const script = startTestProcess(new URL('./fixtures/pending-script.mjs', import.meta.url), {
    PENDING: pending,
  });
  expect(await script.next(() => true, 10_000)).toEqual(expected);
  const code = await new Promise((resolve) => {
    if (script.child.exitCode !== null) resolve(script.child.exitCode);
    else script.child.once('exit', resolve);
  });
  expect(code).toBe(0);
});
