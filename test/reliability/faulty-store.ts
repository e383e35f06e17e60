import { type IdempotencyStore, memoryStore } from '@authhooks/core';

export type StoreFault =
  | 'reserve throws synchronously'
  | 'reserve rejects'
  | 'reserve never answers'
  | 'complete throws synchronously'
  | 'complete never answers'
  | 'release rejects';

/**
 * A working memoryStore, except for event ids starting with `fault-`, where `fault` happens. So one
 * receiver shows both: the broken delivery's answer, and that the next delivery is served normally.
 */
export function faultyStore(fault: StoreFault, onStoreError?: 'fail' | 'process'): IdempotencyStore {
  const inner = memoryStore();
  const broken = (key: string) => key.includes(':fault-');
  const never = () => new Promise<never>(() => {});
  return {
    ...(onStoreError !== undefined && { onStoreError }),
    reserve(key, token) {
      if (broken(key) && fault === 'reserve throws synchronously') throw new Error('store exploded');
      if (broken(key) && fault === 'reserve rejects') return Promise.reject(new Error('ECONNREFUSED'));
      if (broken(key) && fault === 'reserve never answers') return never();
      return inner.reserve(key, token);
    },
    complete(key, token) {
      if (broken(key) && fault === 'complete throws synchronously') throw new Error('store exploded');
      if (broken(key) && fault === 'complete never answers') return never();
      return inner.complete(key, token);
    },
    release(key, token) {
      if (broken(key) && fault === 'release rejects') return Promise.reject(new Error('ECONNRESET'));
      return inner.release(key, token);
    },
  };
}
