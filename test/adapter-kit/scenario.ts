import {
  createReceiver,
  type IdempotencyStore,
  memoryStore,
  type Receiver,
  type ReceiverOptions,
  silentLogger,
} from '@authhooks/core';
import { type TestContext, type TestEventMap, type TestProviderOptions, testProvider } from './provider.js';

export type TestReceiver = Receiver<TestEventMap, TestContext>;

/** Lets a test hold a handler open (to provoke `in_progress`) and release it later. */
export interface Gate {
  readonly entered: Promise<void>;
  release(): void;
}

function createGate(): Gate & { enter(): Promise<void> } {
  let markEntered = () => {};
  let release = () => {};
  const entered = new Promise<void>((resolve) => {
    markEntered = resolve;
  });
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    entered,
    release,
    enter() {
      markEntered();
      return released;
    },
  };
}

export interface Scenario {
  readonly receiver: TestReceiver;
  readonly gate: Gate;
  /** Ids of the `user.delete` events the handler saw. */
  readonly deleted: string[];
}

/**
 * A receiver wired so every outcome can be provoked by the event type:
 * user.delete → handled, user.create → ignored (no handler), user.update → waits on the gate,
 * user.registration.create → rejected (403 for a `blocked.example` email, else 422),
 * user.email.verified → throws, user.login.success → outlives the 100 ms deadline.
 */
export function scenario(
  options: ReceiverOptions & TestProviderOptions & { store?: IdempotencyStore } = {},
): Scenario {
  const { basic, tenantId, store, ...receiverOptions } = options;
  const gate = createGate();
  const deleted: string[] = [];
  const providerOptions = {
    ...(basic !== undefined && { basic }),
    ...(tenantId !== undefined && { tenantId }),
  };
  const receiver = createReceiver({
    timeoutMs: 100,
    idempotency: store ?? memoryStore({ ttlMs: 60_000 }),
    logger: silentLogger,
    ...receiverOptions,
    provider: testProvider(providerOptions),
  })
    .on('user.delete', (event) => {
      deleted.push(event.user.id);
    })
    .on('user.update', () => gate.enter())
    .on('user.registration.create', (event, ctx) => {
      if (event.user.email?.endsWith('@blocked.example')) ctx.reject('domain is blocked', 403);
      ctx.reject('registration not allowed');
    })
    .on('user.email.verified', () => {
      throw new Error('database password is hunter2');
    })
    .on(
      'user.login.success',
      (_event, ctx) => new Promise((resolve) => ctx.signal.addEventListener('abort', resolve)),
    );
  return { receiver, gate, deleted };
}

/** An idempotency store that is down. */
export const brokenStore: IdempotencyStore = {
  reserve: () => Promise.reject(new Error('ECONNREFUSED')),
  complete: () => Promise.resolve(),
  release: () => Promise.resolve(),
};
