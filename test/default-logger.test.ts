import { fusionReceiver } from '@authhooks/fusionauth';
import { afterEach, describe, expect, it, vi } from 'vitest';

// The default logger (no `logger` option): JSON lines on stderr from `info` up, AUTHHOOKS_LOG_LEVEL
// changes the threshold; `ctx.log` writes at every level that is enabled, and only those.
const levels = ['debug', 'info', 'warn', 'error'] as const;
const authorization = 'default-logger-key';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

async function handlerLines(level: string | undefined) {
  if (level !== undefined) vi.stubEnv('AUTHHOOKS_LOG_LEVEL', level);
  const written: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((line: unknown) => void written.push(String(line)));
  const receiver = fusionReceiver({ authorization }).on('user.delete', (_event, ctx) => {
    for (const name of levels) ctx.log[name]({ marker: name }, `handler says ${name}`);
  });
  const response = await receiver.fetch(
    new Request('http://localhost/', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ event: { type: 'user.delete', id: crypto.randomUUID(), user: { id: 'u1' } } }),
    }),
  );
  expect(response.status).toBe(200);
  return written.map((line) => JSON.parse(line)).filter((entry) => entry.marker !== undefined);
}

describe('ctx.log with the default logger', () => {
  it('writes info and above by default, as JSON lines with the event id and type', async () => {
    const lines = await handlerLines(undefined);
    expect(lines.map((line) => line.level)).toEqual(['info', 'warn', 'error']);
    expect(lines[0]).toMatchObject({ name: 'authhooks', eventType: 'user.delete', msg: 'handler says info' });
  });

  it.each([
    ['debug', levels],
    ['warn', ['warn', 'error']],
    ['error', ['error']],
    ['silent', []],
  ] as const)('AUTHHOOKS_LOG_LEVEL=%s writes exactly %j', async (level, expected) => {
    expect((await handlerLines(level)).map((line) => line.level)).toEqual(expected);
  });
});
