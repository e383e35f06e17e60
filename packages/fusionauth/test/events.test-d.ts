import type { EventSchemas } from '@authhooks/core';
import { describe, expectTypeOf, it } from 'vitest';
import type {
  FusionAuthEvent,
  FusionAuthEventMap,
  FusionAuthEventType,
  fusionAuthEventSchemas,
  UserDeleteEvent,
  UserRegistrationCreateEvent,
  UserTwoFactorChallengeEvent,
  UserTwoFactorFailedAttemptEvent,
} from '../src/index.js';

describe('event types', () => {
  it('user.delete always has a user id', () => {
    expectTypeOf<UserDeleteEvent['user']['id']>().toEqualTypeOf<string>();
    expectTypeOf<UserDeleteEvent['id']>().toEqualTypeOf<string>();
    expectTypeOf<UserDeleteEvent['type']>().toEqualTypeOf<'user.delete'>();
    expectTypeOf<FusionAuthEventMap['user.delete']>().toEqualTypeOf<UserDeleteEvent>();
  });

  it('optional fields are optional and nullable', () => {
    expectTypeOf<UserRegistrationCreateEvent['user']['email']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<UserDeleteEvent['tenantId']>().toEqualTypeOf<string | null | undefined>();
  });

  it('open enums accept the known values and any string', () => {
    type Risk = NonNullable<UserTwoFactorChallengeEvent['clientRisk']>;
    expectTypeOf<'LOW'>().toExtend<Risk>();
    expectTypeOf<'SOMETHING_NEW'>().toExtend<Risk>();
    expectTypeOf<Risk>().toExtend<string>();
  });

  it('failed-attempt carries either spelling', () => {
    expectTypeOf<UserTwoFactorFailedAttemptEvent['type']>().toEqualTypeOf<
      'user.two-factor.failed-attempt' | 'user.two-factor.failed.attempt'
    >();
  });

  it('FusionAuthEvent narrows on type', () => {
    const narrow = (event: FusionAuthEvent) => {
      if (event.type === 'group.create') return event.group.id;
      if (event.type === 'user.bulk.create') return event.users.length;
      return undefined;
    };
    expectTypeOf(narrow).returns.toEqualTypeOf<string | number | undefined>();
    expectTypeOf<FusionAuthEvent['type']>().toExtend<string>();
    expectTypeOf<
      Extract<FusionAuthEvent, { type: 'entity.update' }>['entity']['id']
    >().toEqualTypeOf<string>();
  });

  it('the schema map fits core’s EventSchemas', () => {
    expectTypeOf<typeof fusionAuthEventSchemas>().toExtend<EventSchemas<FusionAuthEventMap>>();
    expectTypeOf<keyof typeof fusionAuthEventSchemas>().toEqualTypeOf<FusionAuthEventType>();
  });
});
