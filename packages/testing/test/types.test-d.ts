import type { UserDeleteEvent, UserRegistrationCreateEvent } from '@authhooks/fusionauth';
import type { LogtoEventMap } from '@authhooks/logto';
import { describe, expectTypeOf, it } from 'vitest';
import {
  createTestKeys,
  type Delivery,
  deliver,
  FusionAuthSimulator,
  fusionAuthSample,
  logtoSample,
  type SimulationResult,
  type TestHmacKey,
  type TestKeyPair,
} from '../src/index.js';

describe('types', () => {
  it('a sample is typed by its type', () => {
    expectTypeOf(fusionAuthSample('user.delete')).toEqualTypeOf<UserDeleteEvent>();
    expectTypeOf(fusionAuthSample('user.registration.create')).toEqualTypeOf<UserRegistrationCreateEvent>();
    expectTypeOf(logtoSample('User.Created')).toEqualTypeOf<LogtoEventMap['User.Created']>();
  });

  it('overrides are a deep partial of the event; arrays are whole', () => {
    fusionAuthSample('user.registration.create', {
      user: { email: 'a@b.c' },
      registration: { roles: ['admin'] },
    });
    fusionAuthSample('user.create', { tenantId: undefined });
    // @ts-expect-error email is a string
    fusionAuthSample('user.create', { user: { email: 42 } });
    // @ts-expect-error not a FusionAuth type
    fusionAuthSample('user.created');
    // @ts-expect-error Logto events are PascalCase
    logtoSample('user.created');
  });

  it('keys are typed by algorithm', async () => {
    expectTypeOf(await createTestKeys('HS256')).toEqualTypeOf<TestHmacKey>();
    expectTypeOf(await createTestKeys('ES256')).toEqualTypeOf<TestKeyPair>();
    expectTypeOf(await createTestKeys()).toEqualTypeOf<TestKeyPair>();
  });

  it('deliver and the simulator resolve to their results', () => {
    expectTypeOf(
      deliver('http://127.0.0.1/', fusionAuthSample('user.create')),
    ).resolves.toEqualTypeOf<Delivery>();
    expectTypeOf(
      new FusionAuthSimulator({ webhooks: [] }).send,
    ).returns.resolves.toEqualTypeOf<SimulationResult>();
    // @ts-expect-error not a transaction type
    new FusionAuthSimulator({ webhooks: [], transactionType: 'All' });
  });
});
