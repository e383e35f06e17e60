import { describe, expect, it } from 'vitest';
import { withoutPath } from '../src/parse/drop-path.js';

describe('withoutPath', () => {
  const original = () => ({
    user: { id: 'u', data: { a: 1, b: 2 }, tags: [{ x: 1 }, { x: 2, y: 3 }] },
    info: { city: 'Paris' },
  });

  it('copies the containers on the path, shares every other subtree, leaves the input alone', () => {
    const value = original();
    const before = structuredClone(value);
    const result = withoutPath(value, ['user', 'tags', 1, 'y'], new WeakSet()) as typeof value;
    expect(value).toStrictEqual(before);
    expect(result).toStrictEqual({ ...before, user: { ...before.user, tags: [{ x: 1 }, { x: 2 }] } });
    expect(result).not.toBe(value);
    expect(result.user).not.toBe(value.user);
    expect(result.user.tags).not.toBe(value.user.tags);
    expect(result.user.tags[1]).not.toBe(value.user.tags[1]);
    expect(result.info).toBe(value.info);
    expect(result.user.data).toBe(value.user.data);
    expect(result.user.tags[0]).toBe(value.user.tags[0]);
  });

  it('copies a container once across several drops', () => {
    const value = original();
    const owned = new WeakSet<object>();
    const first = withoutPath(value, ['user', 'data', 'a'], owned) as typeof value;
    const second = withoutPath(first, ['user', 'data', 'b'], owned) as typeof value;
    expect(second).toBe(first);
    expect(second.user.data).toStrictEqual({});
    expect(value.user.data).toStrictEqual({ a: 1, b: 2 });
  });

  it('keeps an own "__proto__" key a plain data property, and never touches Object.prototype', () => {
    const value = JSON.parse('{"__proto__":{"polluted":1,"drop":2},"keep":1}') as Record<string, unknown>;
    const result = withoutPath(value, ['__proto__', 'drop'], new WeakSet()) as Record<string, unknown>;
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.hasOwn(result, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(result, '__proto__')?.value).toStrictEqual({ polluted: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toStrictEqual({
      polluted: 1,
      drop: 2,
    });
  });
});
