import type { Logger, RawEvent, SchemaIssue, UnknownEvent } from '@authhooks/core';
import {
  type FusionAuthContext,
  type FusionAuthEventMap,
  fusionAuthEvents,
  type UserDeleteCompleteEvent,
  type UserDeleteEvent,
  type UserRegistrationCreateCompleteEvent,
} from '@authhooks/fusionauth';
import { type LogtoEventMap, type LogtoPostRegisterEvent, logtoEvents } from '@authhooks/logto';
import pg from 'pg';
import { describe, expectTypeOf, it } from 'vitest';
import {
  createWorker,
  type DeadLetter,
  type QueueWorker,
  type WorkerFailure,
  webhookQueue,
} from '../src/index.js';

const queue = webhookQueue({ connection: 'redis://127.0.0.1:6379' });

describe('createWorker types', () => {
  it('types handlers from the catalog’s event map, as a receiver does', () => {
    const worker = createWorker(queue, { events: fusionAuthEvents })
      .on('user.delete', (event, ctx) => {
        expectTypeOf(event).toEqualTypeOf<UserDeleteEvent>();
        expectTypeOf(event.user.id).toEqualTypeOf<string>();
        expectTypeOf(ctx.transactional).toEqualTypeOf<boolean>();
      })
      .on(['user.delete.complete', 'user.registration.create.complete'], (event) => {
        expectTypeOf(event).toEqualTypeOf<UserDeleteCompleteEvent | UserRegistrationCreateCompleteEvent>();
      })
      .on('user.registration.*', (event) => {
        expectTypeOf(event.type).toExtend<`user.registration.${string}`>();
      });
    expectTypeOf(worker).toEqualTypeOf<QueueWorker<FusionAuthEventMap, FusionAuthContext>>();
    // @ts-expect-error a typo in the event type is a compile error
    worker.on('user.delet', () => {});
    // @ts-expect-error so is a wildcard that matches nothing
    worker.on('usr.*', () => {});
  });

  it('gives the receiver’s ctx without the veto, plus attempt, jobId and receivedAt', () => {
    createWorker(queue, { events: fusionAuthEvents }).on('user.create.complete', (_event, ctx) => {
      expectTypeOf(ctx.signal).toEqualTypeOf<AbortSignal>();
      expectTypeOf(ctx.log).toEqualTypeOf<Logger>();
      expectTypeOf(ctx.eventId).toEqualTypeOf<string>();
      expectTypeOf(ctx.eventType).toEqualTypeOf<string>();
      expectTypeOf(ctx.rawEvent).toEqualTypeOf<RawEvent>();
      expectTypeOf(ctx.schemaIssues).toEqualTypeOf<readonly SchemaIssue[]>();
      expectTypeOf(ctx.attempt).toEqualTypeOf<number>();
      expectTypeOf(ctx.jobId).toEqualTypeOf<string>();
      expectTypeOf(ctx.receivedAt).toEqualTypeOf<number>();
      // @ts-expect-error the provider already has its 2xx: nothing to veto
      ctx.reject('too late');
      // @ts-expect-error no request in a worker
      ctx.headers;
      // @ts-expect-error no request body in a worker
      ctx.rawBody;
    });
  });

  it('types onAny with the union plus unknown events, and onError with the attempt', () => {
    createWorker(queue, { events: fusionAuthEvents })
      .onAny((event) => {
        expectTypeOf(event).toEqualTypeOf<FusionAuthEventMap[keyof FusionAuthEventMap] | UnknownEvent>();
      })
      .onError((failure) => {
        expectTypeOf(failure).toEqualTypeOf<
          WorkerFailure<FusionAuthEventMap[keyof FusionAuthEventMap] | UnknownEvent>
        >();
        expectTypeOf(failure.willRetry).toEqualTypeOf<boolean>();
      });
  });

  it('takes Logto’s catalog and its context', () => {
    createWorker(queue, { events: logtoEvents }).on('PostRegister', (event, ctx) => {
      expectTypeOf(event).toEqualTypeOf<LogtoPostRegisterEvent>();
      expectTypeOf(ctx.hookId).toEqualTypeOf<string | undefined>();
    });
    expectTypeOf(createWorker(queue, { events: logtoEvents })).toEqualTypeOf<
      QueueWorker<LogtoEventMap, { readonly hookId: string | undefined }>
    >();
  });

  it('start() resolves with the worker; failed() with dead letters', () => {
    const worker = createWorker(queue, { events: fusionAuthEvents });
    expectTypeOf(worker.start()).toEqualTypeOf<Promise<QueueWorker<FusionAuthEventMap, FusionAuthContext>>>();
    expectTypeOf(queue.failed()).toEqualTypeOf<Promise<DeadLetter[]>>();
    expectTypeOf(queue.retry).parameter(0).toEqualTypeOf<string>();
  });
});

describe('webhookQueue on PostgreSQL', () => {
  it("takes the app's pg.Pool, a URL or a pool config, and never Redis options beside them", () => {
    const pool = new pg.Pool();
    webhookQueue({ postgres: pool });
    webhookQueue({ postgres: 'postgres://app@db/app' });
    webhookQueue({ postgres: { connectionString: 'postgres://app@db/app', schema: 'jobs', max: 4 } });
    // @ts-expect-error a prefix is a Redis key prefix
    webhookQueue({ postgres: pool, prefix: 'bull' });
    // @ts-expect-error one backend
    webhookQueue({ postgres: pool, connection: 'redis://127.0.0.1:6379' });
    expectTypeOf(webhookQueue({ postgres: pool }).backend).toEqualTypeOf<'redis' | 'postgres'>();
  });
});
