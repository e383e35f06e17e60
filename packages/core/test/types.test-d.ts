import { createReceiver, type SchemaIssue, type UnknownEvent, withRoutes } from '@authhooks/core';
import { describe, expectTypeOf, it } from 'vitest';
import { type TestMap, testProvider } from './helpers/provider.js';

const receiver = createReceiver({ provider: testProvider() });

describe('handler typing', () => {
  it('a handler for one type sees that event', () => {
    receiver.on('user.delete', (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<TestMap['user.delete']>();
      expectTypeOf(event.user.id).toEqualTypeOf<string>();
      expectTypeOf(ctx.signal).toEqualTypeOf<AbortSignal>();
      expectTypeOf(ctx.rawBody).toEqualTypeOf<Uint8Array>();
      expectTypeOf(ctx.eventId).toEqualTypeOf<string>();
      expectTypeOf(ctx.reject).returns.toBeNever();
      expectTypeOf(ctx.headers.get).returns.toEqualTypeOf<string | null>();
      expectTypeOf(ctx.extra).toEqualTypeOf<true>();
    });
  });

  it('a typo in an event name is a compile error', () => {
    // @ts-expect-error 'user.delet' is not an event type
    receiver.on('user.delet', () => {});
    // @ts-expect-error 'group.*' matches no known type
    receiver.on('group.*', () => {});
  });

  it('a wildcard gives the union of the matching types', () => {
    receiver.on('user.registration.*', (event) => {
      expectTypeOf(event).toEqualTypeOf<
        TestMap['user.registration.create'] | TestMap['user.registration.delete']
      >();
      expectTypeOf(event.registration.applicationId).toEqualTypeOf<string>();
    });
  });

  it('a list gives the union of its types', () => {
    receiver.on(['user.create', 'user.delete'], (event) => {
      expectTypeOf(event).toEqualTypeOf<TestMap['user.create'] | TestMap['user.delete']>();
    });
  });

  it('onAny sees every known event and unknown ones', () => {
    receiver.onAny((event) => {
      expectTypeOf(event).toEqualTypeOf<TestMap[keyof TestMap] | UnknownEvent>();
    });
  });

  it('chains keep the typing, on the receiver and on an adapter handler', () => {
    const handler = withRoutes(() => 'adapter', receiver);
    const chained = handler
      .on('user.create', () => {})
      .on('user.delete', (event) => {
        expectTypeOf(event.user.id).toEqualTypeOf<string>();
      });
    expectTypeOf(chained).toEqualTypeOf(handler);
    const answer: string = chained();
    expectTypeOf(answer).toBeString();
    expectTypeOf(receiver.on('user.create', () => {})).toEqualTypeOf(receiver);
  });
});

describe('enqueue typing', () => {
  const queue = { name: 'q', add: async () => {} };

  it('takes the same selectors as on(), and chains on receivers and adapter handlers alike', () => {
    expectTypeOf(receiver.enqueue('user.delete', queue)).toEqualTypeOf(receiver);
    expectTypeOf(
      receiver.enqueue(['user.create', 'user.registration.*'], queue, { delayMs: 1 }),
    ).toEqualTypeOf(receiver);
    // @ts-expect-error 'user.delet' is not an event type
    receiver.enqueue('user.delet', queue);
    const handler = withRoutes(() => {}, receiver);
    expectTypeOf(handler.enqueue('user.create', queue).on('user.delete', () => {})).toEqualTypeOf(handler);
  });

  it('ctx carries the untyped original and the fields left out', () => {
    receiver.on('user.create', (_event, ctx) => {
      expectTypeOf(ctx.rawEvent).toEqualTypeOf<Readonly<Record<string, unknown>>>();
      expectTypeOf(ctx.schemaIssues).toEqualTypeOf<readonly SchemaIssue[]>();
    });
  });
});
