import { maxJsonDepth, parseJson } from '@authhooks/core';
import { afterEach, describe, expect, it } from 'vitest';

const parse = (text: string) => parseJson(new TextEncoder().encode(text));
const nested = (depth: number) => `${'{"a":'.repeat(depth - 1)}{}${'}'.repeat(depth - 1)}`;

afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('parseJson', () => {
  it('refuses __proto__ at any depth and constructor.prototype', () => {
    expect(parse('{"__proto__":{"polluted":1}}')).toEqual({
      ok: false,
      reason: 'body contains a forbidden "__proto__" key',
    });
    expect(parse('{"event":{"user":[{"__proto__":{"polluted":1}}]}}').ok).toBe(false);
    expect(parse('{"constructor":{"prototype":{"polluted":1}}}')).toEqual({
      ok: false,
      reason: 'body contains a forbidden "constructor.prototype" key',
    });
  });

  it('accepts an ordinary "constructor" field', () => {
    expect(parse('{"constructor":"Ada","data":{"constructor":{"name":"x"}}}')).toMatchObject({ ok: true });
  });

  it(`accepts ${maxJsonDepth} levels and refuses one more`, () => {
    expect(parse(nested(maxJsonDepth)).ok).toBe(true);
    expect(parse(nested(maxJsonDepth + 1))).toEqual({
      ok: false,
      reason: `body is nested deeper than ${maxJsonDepth} levels`,
    });
  });

  it('answers a million nested arrays without throwing', () => {
    const deep = `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`;
    expect(() => parse(deep)).not.toThrow();
    expect(parse(deep).ok).toBe(false);
  });
});
