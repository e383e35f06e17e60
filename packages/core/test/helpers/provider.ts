import { type EventMap, headerValueVerifier, type Provider, type Verifier } from '@authhooks/core';
import { z } from 'zod';

export { eventBody } from '../../../../test/conformance/event-body.js';

const user = z.looseObject({ id: z.string(), email: z.string().nullish() });
const base = { id: z.string() };

export const testSchemas = {
  'user.create': z.looseObject({ ...base, type: z.literal('user.create'), user }),
  // 'user.remove' is an alias: the schema of an aliased type accepts both spellings.
  'user.delete': z.looseObject({ ...base, type: z.enum(['user.delete', 'user.remove']), user }),
  'user.registration.create': z.looseObject({
    ...base,
    type: z.literal('user.registration.create'),
    user,
    registration: z.looseObject({ applicationId: z.string() }),
  }),
  'user.registration.delete': z.looseObject({
    ...base,
    type: z.literal('user.registration.delete'),
    user,
    registration: z.looseObject({ applicationId: z.string() }),
  }),
};

export type TestMap = { [K in keyof typeof testSchemas]: z.output<(typeof testSchemas)[K]> };

/** What the test provider adds to every handler's `ctx`. */
export type TestContext = { extra: true };

export const testKey = 'core-test-key';

/**
 * The test provider: FusionAuth-shaped (`{"event": …}` envelope, `event.id` as the idempotency key,
 * bodies from the shared `eventBody`), built from core pieces only, for the tests of core and of the
 * adapters' generic typing. Anything can be overridden (verifiers, `exclude`, schemas).
 */
export function testProvider(
  overrides: Partial<Provider<TestMap, TestContext>> & { verifiers?: readonly Verifier[] } = {},
): Provider<TestMap, TestContext> {
  return {
    name: 'test',
    verifiers: [headerValueVerifier({ header: 'authorization', values: testKey })],
    schemas: testSchemas,
    aliases: { 'user.remove': 'user.delete' },
    locate(body) {
      const event = (body as { event?: unknown } | null)?.event;
      if (
        typeof event !== 'object' ||
        event === null ||
        typeof (event as { type?: unknown }).type !== 'string'
      ) {
        return { problem: 'body has no event' };
      }
      return { event: event as Record<string, unknown>, type: (event as { type: string }).type };
    },
    eventId: (event) => (typeof event.id === 'string' ? event.id : undefined),
    context: { extra: () => true },
    ...overrides,
  };
}

export const json = { 'content-type': 'application/json' } as const;
export const authed = { ...json, authorization: testKey } as const;

export type AnyMap = EventMap;
