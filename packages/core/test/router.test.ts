import { createReceiver, silentLogger } from '@authhooks/core';
import { describe, expect, it } from 'vitest';
import { captureLogger } from '../../../test/support/capture-logger.js';
import { authed, eventBody, testProvider, testSchemas } from './helpers/provider.js';

const make = (timeoutMs = 1000) =>
  createReceiver({ provider: testProvider(), logger: silentLogger, timeoutMs });
const post = (receiver: ReturnType<typeof make>, body: string) =>
  receiver.receive({ method: 'POST', headers: authed, body });
const registration = (type: string) => eventBody(type, { registration: { applicationId: 'a' } });

describe('routing', () => {
  it('runs exact, wildcard and onAny handlers in registration order, one after another', async () => {
    const calls: string[] = [];
    const receiver = make()
      .onAny(async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        calls.push('any');
      })
      .on('user.registration.*', () => void calls.push('wildcard'))
      .on(['user.create', 'user.registration.create'], () => void calls.push('list'))
      .on('user.registration.create', () => void calls.push('exact'));
    expect((await post(receiver, registration('user.registration.create'))).outcome).toBe('handled');
    expect(calls).toEqual(['any', 'wildcard', 'list', 'exact']);
    calls.length = 0;
    await post(receiver, registration('user.registration.delete'));
    expect(calls).toEqual(['any', 'wildcard']);
  });

  it('wildcards match known types only; unknown ones reach onAny alone', async () => {
    const calls: string[] = [];
    const receiver = make().on('user.registration.*', () => void calls.push('wildcard'));
    expect((await post(receiver, eventBody('user.registration.future'))).outcome).toBe('ignored');
    receiver.onAny((event) => void calls.push(`any:${event.type}`));
    expect((await post(receiver, eventBody('user.registration.future'))).outcome).toBe('handled');
    expect(calls).toEqual(['any:user.registration.future']);
  });

  it('an exact selector for a type the catalogue does not know yet runs when that type arrives, after a warning', async () => {
    const logger = captureLogger();
    const calls: string[] = [];
    const receiver = createReceiver({ provider: testProvider(), logger }).on(
      'user.registration.future' as never,
      (event: { type: string }) => void calls.push(event.type),
    );
    expect(logger.lines.map((line) => [line.level, line.fields.selector])).toEqual([
      ['warn', 'user.registration.future'],
    ]);
    expect((await post(receiver as never, eventBody('user.registration.future'))).outcome).toBe('handled');
    expect(calls).toEqual(['user.registration.future']);
  });

  it('a misspelled type in plain JavaScript warns at registration with the type it probably meant', () => {
    const logger = captureLogger();
    createReceiver({ provider: testProvider(), logger })
      .on('user.delet' as never, () => {})
      .on('usr.registration.*' as never, () => {})
      .on('user.delete', () => {})
      .on('user.registration.*', () => {});
    const warnings = logger.lines.filter((line) => line.level === 'warn').map((line) => line.message);
    expect(warnings).toEqual([
      '"user.delet" is not a known test event type: did you mean "user.delete"? Its handler runs only if the provider sends exactly that type.',
      '"usr.registration.*" matches no known test event type: did you mean "user.registration.*"? Its handler never runs (a wildcard matches known types only).',
    ]);
  });

  it('the first failing handler stops the rest', async () => {
    const calls: string[] = [];
    const receiver = make()
      .on('user.delete', () => {
        calls.push('first');
        throw new Error('boom');
      })
      .on('user.delete', () => void calls.push('second'));
    expect((await post(receiver, eventBody('user.delete'))).status).toBe(500);
    expect(calls).toEqual(['first']);
  });

  it('off removes on, onAny and onError registrations', async () => {
    const calls: string[] = [];
    const exact = () => void calls.push('exact');
    const any = () => void calls.push('any');
    const onError = () => void calls.push('error');
    const failing = () => {
      throw new Error('x');
    };
    const receiver = make().on('user.delete', exact).onAny(any).onError(onError).on('user.create', failing);
    receiver.off('user.delete', exact).off('*', any).off('error', onError);
    expect((await post(receiver, eventBody('user.delete'))).outcome).toBe('ignored');
    expect((await post(receiver, eventBody('user.create'))).status).toBe(500);
    expect(calls).toEqual([]);
  });

  it('aliases reach the canonical handlers', async () => {
    const seen: string[] = [];
    const receiver = make().on('user.delete', (_event, ctx) => void seen.push(ctx.eventType));
    expect((await post(receiver, eventBody('user.remove'))).outcome).toBe('handled');
    expect(seen).toEqual(['user.delete']);
  });

  it('onError sees handler failures and timeouts with their event; a throwing onError changes nothing', async () => {
    const failures: [string, string, string][] = [];
    const receiver = make(50)
      .on('user.create', () => {
        throw new TypeError('bad');
      })
      .on('user.delete', (_e, ctx) => new Promise((resolve) => ctx.signal.addEventListener('abort', resolve)))
      .onError(({ error, eventType, eventId }) => {
        failures.push([eventType, eventId, (error as Error).name]);
      })
      .onError(() => {
        throw new Error('logging failed');
      });
    expect((await post(receiver, eventBody('user.create', { id: 'c-1' }))).status).toBe(500);
    expect((await post(receiver, eventBody('user.delete', { id: 'd-1' }))).status).toBe(504);
    expect(failures).toEqual([
      ['user.create', 'c-1', 'TypeError'],
      ['user.delete', 'd-1', 'TimeoutError'],
    ]);
  });

  it('rejects a handler that is not a function, saying which', () => {
    expect(() => make().on('user.delete', 'nope' as never)).toThrow(
      /handler for "user.delete" must be a function/,
    );
  });
});

describe('handledTypes', () => {
  it('lists the known types some handler runs for, wildcards expanded, aliases canonical', () => {
    const receiver = createReceiver({ provider: testProvider(), logger: silentLogger });
    expect(receiver.handledTypes()).toEqual([]);
    receiver.on('user.registration.*', () => {}).on('user.remove' as 'user.delete', () => {});
    expect([...receiver.handledTypes()].sort()).toEqual([
      'user.delete',
      'user.registration.create',
      'user.registration.delete',
    ]);
    receiver.onAny(() => {});
    expect(receiver.handledTypes()).toHaveLength(Object.keys(testSchemas).length);
  });
});
