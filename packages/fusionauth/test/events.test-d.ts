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

// Against @fusionauth/typescript-client 1.69 (issue 18 item 17): each field it has that we lacked.
describe('fields of the official FusionAuth model', () => {
  type Map = FusionAuthEventMap;
  type Element<T> =
    Exclude<T, null | undefined> extends readonly (infer E)[] ? Exclude<E, null | undefined> : never;

  it('user.login.suspicious names every AuthenticationThreats value', () => {
    type Threat = Element<Map['user.login.suspicious']['threatsDetected']>;
    // An open enum accepts any string: Extract keeps only the values it names.
    type Named = 'BotDetected' | 'BlocklistedIp' | 'ImpossibleTravel' | 'UntrustedDevice' | 'DormantPassword';
    expectTypeOf<Extract<Threat, Named>>().toEqualTypeOf<Named>();
  });

  it('user.login.failed: lambdaResult is Errors, and no connector or identity provider fields', () => {
    type Reason = NonNullable<Map['user.login.failed']['reason']>;
    type Result = NonNullable<Reason['lambdaResult']>;
    expectTypeOf<Element<Result['generalErrors']>['message']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<NonNullable<Result['fieldErrors']>>().toMatchTypeOf<Record<string, unknown[]>>();
    expectTypeOf<Map['user.login.failed']['connectorId']>().toEqualTypeOf<unknown>(); // only the index signature
    expectTypeOf<Map['user.login.success']['connectorId']>().toEqualTypeOf<string | null | undefined>();
  });

  it('identities, two-factor methods, refresh tokens, entity types and user actions have their fields', () => {
    type Identity = Element<Map['user.create']['user']['identities']>;
    expectTypeOf<Extract<Identity['moderationStatus'], 'REJECTED'>>().toEqualTypeOf<'REJECTED'>();
    expectTypeOf<Extract<Identity['verifiedReason'], 'Administrative' | 'Import'>>().toEqualTypeOf<
      'Administrative' | 'Import'
    >();
    type Method = Element<NonNullable<Map['user.create']['user']['twoFactor']>['methods']>;
    expectTypeOf<Method['name']>().toEqualTypeOf<string | null | undefined>();
    type MetaData = NonNullable<NonNullable<Map['jwt.refresh-token.revoke']['refreshToken']>['metaData']>;
    expectTypeOf<MetaData['resources']>().toEqualTypeOf<string[] | null | undefined>();
    type Jwt = NonNullable<NonNullable<Map['entity.create']['entity']['type']>['jwtConfiguration']>;
    expectTypeOf<Jwt['accessTokenVerificationKeyIds']>().toEqualTypeOf<string[] | null | undefined>();
    type Attachment = Element<NonNullable<Map['user.action']['email']>['attachments']>;
    expectTypeOf<Attachment['mime']>().toEqualTypeOf<string | null | undefined>();
  });
});
