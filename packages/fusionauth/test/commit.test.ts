import { type DecidedBy, memoryStore, silentLogger } from '@authhooks/core';
import { describe, expect, it } from 'vitest';
import { fusionReceiver } from '../src/index.js';

const key = 'commit-test-key';
const headers = { 'content-type': 'application/json', authorization: key };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A user's app as the README teaches it: users written inline, confirmed or undone by the commit. */
function app(options: { windowMs?: number; confirm?: () => boolean } = {}) {
  const users = new Map<string, 'pending' | 'committed'>();
  const log: [string, string, DecidedBy][] = [];
  const receiver = fusionReceiver({
    authorization: key,
    logger: silentLogger,
    idempotency: memoryStore(),
    commit: {
      windowMs: options.windowMs ?? 60_000,
      sweepMs: 20,
      ...(options.confirm && { confirm: options.confirm }),
    },
  })
    .on('user.create', (event, ctx) => {
      if (event.user.email?.endsWith('@blocked.example')) ctx.reject('blocked');
      users.set(event.user.id, 'pending');
    })
    .onCommit('user.create', (event, info) => {
      users.set(event.user.id, 'committed');
      log.push(['commit', event.user.id, info.decidedBy]);
    })
    .onRollback('user.create', (event, info) => {
      users.delete(event.user.id);
      log.push(['rollback', event.user.id, info.decidedBy]);
    });
  const send = (type: string, user: { id: string; email?: string }, id = crypto.randomUUID()) =>
    receiver.receive({ method: 'POST', headers, body: JSON.stringify({ event: { type, id, user } }) });
  return { receiver, users, log, send };
}

describe('onCommit / onRollback (FusionAuth)', () => {
  it('a 2xx, then the *.complete: onCommit runs once, decided by the complete event', async () => {
    const { users, log, send } = app();
    const ada = { id: 'ada', email: 'ada@example.com' };
    expect((await send('user.create', ada)).outcome).toBe('handled');
    expect(users.get('ada')).toBe('pending');
    const completeId = crypto.randomUUID();
    expect((await send('user.create.complete', ada, completeId)).status).toBe(200);
    expect((await send('user.create.complete', ada, completeId)).outcome).toBe('ignored'); // a retry of it
    expect((await send('user.create.complete', ada)).status).toBe(200); // another copy (another webhook)
    expect(users.get('ada')).toBe('committed');
    expect(log).toEqual([['commit', 'ada', 'complete']]);
  });

  it('a veto: onRollback runs at once; a *.complete that still arrives (FusionAuth committed anyway) runs onCommit', async () => {
    const { users, log, send } = app();
    const eve = { id: 'eve', email: 'eve@blocked.example' };
    expect((await send('user.create', eve)).status).toBe(422);
    await expect.poll(() => log).toEqual([['rollback', 'eve', 'answer']]);
    expect(users.has('eve')).toBe(false);
    await send('user.create.complete', eve);
    expect(log).toEqual([
      ['rollback', 'eve', 'answer'],
      ['commit', 'eve', 'complete'],
    ]);
    expect(users.get('eve')).toBe('committed');
  });

  it('no *.complete within the window: rolled back without confirm, committed when confirm says so', async () => {
    const plain = app({ windowMs: 50 });
    await plain.send('user.create', { id: 'lost' });
    await expect.poll(() => plain.log, { timeout: 2_000 }).toEqual([['rollback', 'lost', 'window']]);
    expect(plain.users.has('lost')).toBe(false);

    const confirmed = app({ windowMs: 50, confirm: () => true });
    await confirmed.send('user.create', { id: 'kept' });
    await expect.poll(() => confirmed.log, { timeout: 2_000 }).toEqual([['commit', 'kept', 'confirm']]);
    expect(confirmed.users.get('kept')).toBe('committed');
    // Decided: a late *.complete does not run onCommit a second time.
    await confirmed.send('user.create.complete', { id: 'kept' });
    await sleep(100);
    expect(confirmed.log).toHaveLength(1);
  });

  it('a handler still running after its 504 holds the decision until it settles, so its late write is undone', async () => {
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const users = new Set<string>();
    const log: string[] = [];
    const receiver = fusionReceiver({
      authorization: key,
      logger: silentLogger,
      timeoutMs: 50,
      idempotency: memoryStore(),
      commit: { windowMs: 50, sweepMs: 10 },
    })
      .on('user.create', async (event) => {
        await gate; // ignores ctx.signal
        users.add(event.user.id);
        log.push('inline write');
      })
      .onRollback('user.create', (event) => {
        users.delete(event.user.id);
        log.push('rollback');
      });
    const body = JSON.stringify({
      event: { type: 'user.create', id: crypto.randomUUID(), user: { id: 'slow' } },
    });
    expect((await receiver.receive({ method: 'POST', headers, body })).status).toBe(504);
    await sleep(300); // the window passed long ago
    expect(log).toEqual([]);
    finish();
    await expect.poll(() => log, { timeout: 2_000 }).toEqual(['inline write', 'rollback']);
    expect(users.has('slow')).toBe(false);
    await receiver.close();
  });

  it('a *.complete for another user, or with nothing pending, changes nothing', async () => {
    const { log, send } = app();
    await send('user.create', { id: 'one' });
    await send('user.create.complete', { id: 'two' });
    await sleep(50);
    expect(log).toEqual([]);
  });

  it('refuses a type without a *.complete event, at registration', () => {
    const receiver = fusionReceiver({ authorization: key, logger: silentLogger });
    // @ts-expect-error user.login.success has no *.complete event: its commit cannot be known
    expect(() => receiver.onCommit('user.login.success', () => {})).toThrow(/has no \*\.complete event/);
  });
});

describe('handledTypes() with commit-aware handlers', () => {
  it('lists the *.complete events onCommit and onRollback need, so the generated config enables them', () => {
    const receiver = fusionReceiver({ authorization: key, logger: silentLogger })
      .on('user.delete', () => {})
      .onRollback('user.registration.create', () => {})
      .onCommit('group.member.add', () => {});
    expect([...receiver.handledTypes()].sort()).toEqual([
      'group.member.add',
      'group.member.add.complete',
      'user.delete',
      'user.registration.create',
      'user.registration.create.complete',
    ]);
  });
});

describe('commit.enabledEvents', () => {
  it('warns at registration about each event the handlers need that the webhook does not enable', async () => {
    const { captureLogger } = await import('../../../test/support/capture-logger.js');
    const logger = captureLogger();
    fusionReceiver({
      authorization: key,
      logger,
      commit: {
        enabledEvents: {
          'user.create': true,
          'user.registration.create': true,
          'user.registration.create.complete': true,
        },
      },
    })
      .onCommit('user.create', () => {})
      .onRollback('user.create', () => {})
      .onCommit('user.registration.create', () => {});
    const warned = logger.lines.filter((line) => line.level === 'warn').map((line) => line.fields.eventType);
    expect(warned).toEqual(['user.create.complete']);
  });
});
