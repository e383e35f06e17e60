import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { silentLogger } from '@authhooks/core';
import { fusionAuthEventSchemas, fusionAuthEventTypes, fusionReceiver } from '@authhooks/fusionauth';
import { logtoEventSchemas, logtoEventTypes, logtoReceiver } from '@authhooks/logto';
import { describe, expect, it } from 'vitest';
import { fixtureFiles, serialise } from '../scripts/copy-fixtures.js';
import {
  deliver,
  deliverLogto,
  fusionAuthBody,
  fusionAuthSample,
  logtoBody,
  logtoSample,
} from '../src/index.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('fusionAuthSample', () => {
  it('has a sample for each of the 64 FusionAuth types', () => {
    expect(fusionAuthEventTypes).toHaveLength(64);
  });

  it.each(fusionAuthEventTypes)('%s: valid against its own schema, with its own type', (type) => {
    const sample = fusionAuthSample(type);
    const parsed = fusionAuthEventSchemas[type].safeParse(sample);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(sample.type).toBe(type);
  });

  it('gives every sample a fresh UUID and a createInstant of now', () => {
    const before = Date.now();
    const [a, b] = [fusionAuthSample('user.create'), fusionAuthSample('user.create')];
    expect(a.id).toMatch(uuid);
    expect(b.id).toMatch(uuid);
    expect(a.id).not.toBe(b.id);
    expect(a.createInstant).toBeGreaterThanOrEqual(before);
    expect(a.createInstant).toBeLessThanOrEqual(Date.now());
  });

  it('deep-merges overrides: objects merged, arrays replaced, undefined removes a field', () => {
    const base = fusionAuthSample('user.registration.create');
    const sample = fusionAuthSample('user.registration.create', {
      id: 'a1b2c3d4-0000-4000-8000-000000000000',
      user: { email: 'ada@example.com' },
      registration: { roles: ['admin'] },
      tenantId: undefined,
    });
    expect(sample.id).toBe('a1b2c3d4-0000-4000-8000-000000000000');
    expect(sample.user?.email).toBe('ada@example.com');
    expect(sample.user?.id).toBe(base.user?.id); // the rest of the user stays
    expect(base.registration?.roles).toEqual(['user']);
    expect(sample.registration?.roles).toEqual(['admin']); // replaced, not ['user', 'admin']
    expect(sample.registration?.applicationId).toBe(base.registration?.applicationId);
    expect('tenantId' in sample).toBe(false);
  });

  it('never shares state between samples', () => {
    const first = fusionAuthSample('user.registration.create');
    first.registration?.roles?.push('mutated');
    (first.user as { email?: string }).email = 'mutated@example.com';
    const second = fusionAuthSample('user.registration.create');
    expect(second.registration?.roles).toEqual(['user']);
    expect(second.user?.email).not.toBe('mutated@example.com');
  });

  it('merges overrides made in another realm (Jest runs tests in a vm context)', () => {
    const overrides = runInNewContext(
      '({ user: { email: "realm@example.com" }, registration: { roles: ["a"] } })',
    );
    expect(Object.getPrototypeOf(overrides)).not.toBe(Object.prototype);
    const sample = fusionAuthSample('user.registration.create', overrides);
    expect(sample.type).toBe('user.registration.create');
    expect(sample.user?.email).toBe('realm@example.com');
    expect(sample.user?.id).toEqual(expect.any(String));
    expect(sample.registration?.roles).toEqual(['a']);
  });

  it('ignores prototype keys in overrides', () => {
    const sample = fusionAuthSample('user.create', JSON.parse('{"__proto__": {"polluted": true}}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(sample)).toBe(Object.prototype);
  });

  it('normalises the docs examples: wrapper, complete types, the 2FA spelling, user.action names', () => {
    expect(fusionAuthSample('user.registration.create.complete').type).toBe(
      'user.registration.create.complete',
    );
    expect(fusionAuthSample('user.two-factor.failed-attempt').type).toBe('user.two-factor.failed-attempt');
    const action = fusionAuthSample('user.action');
    expect(action.actioneeUserId).toEqual(expect.any(String));
    expect(action).not.toHaveProperty('actioneeId');
    expect(fusionAuthSample('user.registration.create')).not.toHaveProperty('event');
  });

  it('refuses an unknown type, pointing to the list', () => {
    expect(() => fusionAuthSample('user.created' as never)).toThrow(
      /no event type "user.created".*authhooks samples/,
    );
  });

  it('fusionAuthBody is the wire body {"event": …} as compact JSON', () => {
    const event = fusionAuthSample('user.delete');
    const body = fusionAuthBody(event);
    expect(body.startsWith('{"event":{')).toBe(true);
    expect(JSON.parse(body)).toEqual({ event });
    expect(body).not.toMatch(/\n/);
  });

  it('every sample goes through a real receiver as a handled event', async () => {
    const seen: string[] = [];
    const receiver = fusionReceiver({ authorization: 'key', logger: silentLogger });
    receiver.onAny((event) => {
      seen.push(event.type);
    });
    for (const type of fusionAuthEventTypes) {
      const { status, body } = await deliver(receiver, fusionAuthSample(type), { authorization: 'key' });
      expect({ type, status, body }).toMatchObject({
        status: 200,
        body: { outcome: 'handled', eventType: type },
      });
    }
    expect(seen).toEqual([...fusionAuthEventTypes]);
  });
});

describe('logtoSample', () => {
  it('has a sample for each of the 31 Logto events', () => {
    expect(logtoEventTypes).toHaveLength(31);
  });

  it.each(logtoEventTypes)('%s: valid against its own schema', (event) => {
    const sample = logtoSample(event);
    expect(logtoEventSchemas[event].safeParse(sample).error?.issues ?? []).toEqual([]);
    expect(sample.event).toBe(event);
  });

  it('sets createdAt to now and deep-merges overrides', () => {
    const before = Date.now();
    const sample = logtoSample('User.Created', { data: { primaryEmail: 'ada@example.com' } });
    expect(Date.parse(sample.createdAt)).toBeGreaterThanOrEqual(before - 1);
    expect(sample.data).toMatchObject({ primaryEmail: 'ada@example.com', id: expect.any(String) });
    expect(logtoBody(sample)).toBe(JSON.stringify(sample));
  });

  it('refuses an unknown event', () => {
    expect(() => logtoSample('User.Create' as never)).toThrow(/no event "User.Create"/);
  });

  it('every sample is handled by a real Logto receiver (signed, not taken for a Console test payload)', async () => {
    const receiver = logtoReceiver({ signingKey: 'logto-key', logger: silentLogger }).onAny(() => {});
    for (const event of logtoEventTypes) {
      const { status, body } = await deliverLogto(receiver, logtoSample(event), { signingKey: 'logto-key' });
      expect({ event, status, body }).toMatchObject({
        status: 200,
        body: { outcome: 'handled', eventType: event },
      });
    }
  });
});

describe('shipped fixtures', () => {
  it.each(
    Object.entries(fixtureFiles),
  )('src/fixtures/%s is what scripts/copy-fixtures.ts makes', (name, build) => {
    const shipped = readFileSync(new URL(`../src/fixtures/${name}`, import.meta.url), 'utf8');
    expect(shipped, 'run pnpm --filter @authhooks/testing fixtures').toBe(serialise(build()));
  });
});
