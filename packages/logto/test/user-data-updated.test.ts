import { readdirSync, readFileSync } from 'node:fs';
import { silentLogger } from '@authhooks/core';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  type LogtoUserDataUpdatedEvent,
  logtoEventSchemas,
  logtoReceiver,
  signLogtoPayload,
} from '../src/index.js';
import { wireBody } from './fixtures.js';

// `User.Data.Updated` carries what the route that changed the user answered (test/payloads/SOURCE.md).

const payloads = new URL('payloads/', import.meta.url);
const payload = (file: string) =>
  JSON.parse(readFileSync(new URL(file, payloads), 'utf8')) as Record<string, unknown>;
// The zod schema itself (the public type only promises safeParse/parse): the tests read issue codes.
const schema = logtoEventSchemas['User.Data.Updated'] as unknown as z.ZodType<LogtoUserDataUpdatedEvent>;
const issuesOf = (body: unknown) =>
  (schema.safeParse(body).error?.issues ?? []).map((issue) => ({ path: issue.path, code: issue.code }));

describe('User.Data.Updated, per route', () => {
  it('PATCH /users/:userId/profile: data is the profile, whose OIDC `profile` claim is a URL', () => {
    const body = payload('User.Data.Updated.profile.json');
    const result = schema.parse(body);
    expect(result.matchedRoute).toBe('/users/:userId/profile');
    expect(result.data).toEqual(body.data);
    expect(result.data).toMatchObject({ profile: 'https://people.example.com/ada', nickname: 'darcy' });
  });

  it('PATCH /users/:userId/custom-data: any JSON object, keys named like user fields included', () => {
    const userLike = payload('User.Data.Updated.custom-data-user-like.json');
    expect(issuesOf(userLike)).toEqual([]);
    expect(schema.parse(userLike).data).toEqual(userLike.data);
    const shipped = JSON.parse(wireBody('events/User.Data.Updated.custom-data.json'));
    expect(schema.parse(shipped).data).toEqual({ plan: 'pro', theme: 'dark' });
    const empty = { ...shipped, data: {} };
    expect(schema.parse(empty).data).toEqual({});
  });

  it('PATCH /users/:userId and …/password: data is the user, its profile the profile object', () => {
    for (const body of [
      payload('User.Data.Updated.password.json'),
      JSON.parse(wireBody('events/User.Data.Updated.json')),
    ]) {
      const result = schema.parse(body);
      expect(result.data).toEqual(body.data);
      expect(result.data).toMatchObject({ id: 'p3n8x2k7q9wd' });
    }
  });

  it('without route fields (Experience API, Account API, logto-configs): data is the user', () => {
    for (const body of [
      payload('User.Data.Updated.account-api.json'),
      JSON.parse(wireBody('events/User.Data.Updated.experience.json')),
    ]) {
      expect(body).not.toHaveProperty('matchedRoute');
      expect(schema.parse(body).data).toEqual(body.data);
    }
    const nullRoute = { ...payload('User.Data.Updated.account-api.json'), matchedRoute: null };
    expect(issuesOf(nullRoute)).toEqual([]);
  });

  it('each route is checked against its own payload', () => {
    const profile = payload('User.Data.Updated.profile.json');
    // A user's `profile` is the profile object; on the profile route `data.profile` is the URL.
    expect(issuesOf({ ...profile, data: { profile: { nickname: 'darcy' } } })).toEqual([
      { path: ['data', 'profile'], code: 'invalid_type' },
    ]);
    const user = payload('User.Data.Updated.password.json');
    expect(issuesOf({ ...user, data: { ...(user.data as object), profile: 'https://x.example' } })).toEqual([
      { path: ['data', 'profile'], code: 'invalid_type' },
    ]);
    expect(issuesOf({ ...user, data: { ...(user.data as object), id: 42 } })).toEqual([
      { path: ['data', 'id'], code: 'invalid_type' },
    ]);
  });

  it('a route Logto adds later fails on `matchedRoute` alone (lenient validation leaves that field out)', () => {
    const later = { ...payload('User.Data.Updated.password.json'), matchedRoute: '/users/:userId/avatar' };
    expect(issuesOf(later)).toEqual([{ path: ['matchedRoute'], code: 'invalid_union' }]);
    const { matchedRoute: _dropped, ...withoutRoute } = later;
    expect(issuesOf(withoutRoute)).toEqual([]);
  });
});

describe('User.Data.Updated deliveries', () => {
  const key = 'per-route-test-key';
  const bodies = [
    ...readdirSync(payloads)
      .filter((name) => name.endsWith('.json'))
      .map((name) => JSON.stringify(payload(name))),
    ...[
      'User.Data.Updated.json',
      'User.Data.Updated.custom-data.json',
      'User.Data.Updated.experience.json',
    ].map((name) => wireBody(`events/${name}`)),
  ];
  /** What the handler below should note for a body, read from the JSON itself. */
  const expected = (body: string) => {
    const { matchedRoute, data } = JSON.parse(body);
    if (matchedRoute === '/users/:userId/custom-data') return `custom data: ${Object.keys(data).join(',')}`;
    if (matchedRoute === '/users/:userId/profile') return `profile: ${data.profile}`;
    return `user: ${data.id}`;
  };

  it.each(
    bodies.map((body) => [JSON.parse(body).matchedRoute ?? '(no route)', body]),
  )('a signed delivery from %s is handled; the handler narrows data by route', async (_route, body) => {
    const seen: string[] = [];
    const receiver = logtoReceiver({ signingKey: key, logger: silentLogger }).on(
      'User.Data.Updated',
      (event) => {
        if (event.matchedRoute === '/users/:userId/custom-data') {
          seen.push(`custom data: ${Object.keys(event.data ?? {}).join(',')}`);
        } else if (event.matchedRoute === '/users/:userId/profile') {
          seen.push(`profile: ${event.data?.profile}`);
        } else {
          seen.push(`user: ${event.data?.id}`);
        }
      },
    );
    const headers = {
      'content-type': 'application/json',
      'logto-signature-sha-256': await signLogtoPayload(body, key),
    };
    const result = await receiver.receive({ method: 'POST', headers, body });
    expect([result.status, result.outcome]).toEqual([200, 'handled']);
    expect(seen).toEqual([expected(body)]);
  });
});
