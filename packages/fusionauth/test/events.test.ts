import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { fusionAuthCatalogue } from '../src/events/catalogue.js';
import {
  type FusionAuthEventType,
  fusionAuthEventMetadata,
  fusionAuthEventSchemas,
  fusionAuthEventTypes,
  fusionAuthTypeAliases,
  isTransactional,
} from '../src/events/index.js';
import { fixtures } from './helpers/fixtures.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const schemaOf = (type: FusionAuthEventType) => fusionAuthEventSchemas[type] as unknown as z.ZodType;
const clone = <T>(value: T): T => structuredClone(value);
const aliasOf = (alias: string) => (fusionAuthTypeAliases as Readonly<Record<string, string>>)[alias];

// Maps keyed by ids or names, not objects with fields: an extra key there must have the map's value type.
const maps = new Set(['tokens', 'roles', 'applicationTimeToLiveInSeconds']);

function injectEverywhere(value: Json, key = ''): Json {
  if (Array.isArray(value)) return value.map((item) => injectEverywhere(item));
  if (value === null || typeof value !== 'object' || maps.has(key)) return value;
  const out: { [key: string]: Json } = { authhooksUnknown: { nested: [1, 'two'] } };
  for (const [k, v] of Object.entries(value)) out[k] = injectEverywhere(v, k);
  return out;
}

describe('fixtures', () => {
  it.each(fixtures.map((f) => [f.file, f] as const))('%s parses with its type’s schema', (_file, fixture) => {
    const result = schemaOf(fixture.type).safeParse(fixture.body.event);
    expect(result.error?.issues ?? []).toEqual([]);
    expect(result.data).toEqual(fixture.body.event);
  });

  it('every event type has at least one fixture, and every fixture names a known type', () => {
    const covered = new Set(fixtures.map((f) => f.type));
    expect(fusionAuthEventTypes.filter((type) => !covered.has(type))).toEqual([]);
    expect([...covered].filter((type) => !fusionAuthEventTypes.includes(type))).toEqual([]);
    expect(fusionAuthEventTypes).toHaveLength(64);
  });

  it('repairs exactly the docs bugs listed in fixtures/SOURCE.md', () => {
    const repaired = Object.fromEntries(
      fixtures.filter((f) => f.repairs.length > 0).map((f) => [f.file, f.repairs]),
    );
    const wrap = 'wrapped in {"event": …}';
    expect(repaired).toEqual({
      'test-2.json': [wrap],
      'test.json': [wrap],
      'user.action.json': ['actioneeId → actioneeUserId', 'actionerId → actionerUserId'],
      'user.registration.create.complete.json': [
        wrap,
        'type user.registration.create → user.registration.create.complete',
      ],
      'user.registration.create.json': [wrap],
      'user.registration.delete.complete.json': [
        wrap,
        'type user.registration.delete → user.registration.delete.complete',
      ],
      'user.registration.delete.json': [wrap],
      'user.registration.update.complete.json': [
        wrap,
        'type user.registration.update → user.registration.update.complete',
      ],
      'user.registration.update.json': [wrap],
    });
  });

  it('the wire text of every fixture is its body', () => {
    for (const fixture of fixtures) expect(JSON.parse(fixture.text), fixture.file).toEqual(fixture.body);
  });
});

describe('unknown fields', () => {
  it.each(fixtures.map((f) => [f.file, f] as const))('%s keeps fields added at every level', (_file, f) => {
    const event = injectEverywhere(f.body.event as Json);
    const result = schemaOf(f.type).safeParse(event);
    expect(result.error?.issues ?? []).toEqual([]);
    expect(result.data).toEqual(event);
  });
});

/** What FusionAuth always sends besides `type`: the event id and the id of the object it is about. */
function requiredIdPaths(type: FusionAuthEventType): (string | number)[][] {
  const paths: (string | number)[][] = [['id']];
  if (type === 'audit-log.create') paths.push(['auditLog', 'id']);
  else if (type === 'event-log.create') paths.push(['eventLog', 'id']);
  else if (type.startsWith('entity.')) paths.push(['entity', 'id']);
  else if (type.startsWith('group.')) paths.push(['group', 'id']);
  else if (type === 'user.bulk.create') paths.push(['users', 0, 'id']);
  else if (type.startsWith('user.') && type !== 'user.action') paths.push(['user', 'id']);
  if (type.startsWith('user.registration.')) paths.push(['registration', 'applicationId']);
  return paths;
}

function without(event: Record<string, unknown>, path: (string | number)[]): Record<string, unknown> {
  const copy = clone(event);
  let target: Record<string | number, unknown> = copy;
  for (const step of path.slice(0, -1)) target = target[step] as Record<string | number, unknown>;
  delete target[path.at(-1) as string | number];
  return copy;
}

describe('required ids', () => {
  const cases = fusionAuthEventTypes.flatMap((type) => {
    const fixture = fixtures.find((f) => f.type === type);
    return requiredIdPaths(type).map((path) => [type, path.join('.'), path, fixture] as const);
  });

  it.each(cases)('%s without %s fails, naming the path', (type, _name, path, fixture) => {
    if (fixture === undefined) throw new Error(`no fixture for ${type}`);
    const result = schemaOf(type).safeParse(without(fixture.body.event, path));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toContainEqual(path);
  });

  it('type is required and must be the schema’s own', () => {
    const event = fixtures.find((f) => f.type === 'user.delete')?.body.event ?? {};
    expect(schemaOf('user.delete').safeParse(without(event, ['type'])).success).toBe(false);
    expect(schemaOf('user.delete').safeParse({ ...event, type: 'user.create' }).success).toBe(false);
  });

  it('nothing else is required: every other top-level field may be absent or null', () => {
    for (const type of fusionAuthEventTypes) {
      const fixture = fixtures.find((f) => f.type === type);
      const event = clone(fixture?.body.event ?? {});
      const required = new Set(requiredIdPaths(type).map((path) => path[0]));
      for (const key of Object.keys(event)) {
        if (key !== 'type' && !required.has(key)) event[key] = null;
      }
      const result = schemaOf(type).safeParse(event);
      expect(result.error?.issues ?? [], type).toEqual([]);
    }
  });

  it('optional fields of nested objects accept null (sample)', () => {
    const event = clone(fixtures.find((f) => f.file === 'user.login.suspicious.json')?.body.event ?? {});
    const user = event.user as Record<string, unknown>;
    for (const key of Object.keys(user)) if (key !== 'id') user[key] = null;
    event.info = { ipAddress: null, location: { city: null, latitude: null }, userAgent: null };
    event.threatsDetected = null;
    expect(schemaOf('user.login.suspicious').safeParse(event).error?.issues ?? []).toEqual([]);
  });
});

describe('open enums', () => {
  it('accept values FusionAuth may add later', () => {
    const event = clone(fixtures.find((f) => f.type === 'user.two-factor.challenge')?.body.event ?? {});
    event.clientRisk = 'EXTREME';
    expect(schemaOf('user.two-factor.challenge').parse(event)).toMatchObject({ clientRisk: 'EXTREME' });
  });
});

describe('user.two-factor.failed-attempt', () => {
  const event = fixtures.find((f) => f.type === 'user.two-factor.failed-attempt')?.body.event ?? {};
  it.each(['user.two-factor.failed-attempt', 'user.two-factor.failed.attempt'])('accepts %s', (type) => {
    expect(schemaOf('user.two-factor.failed-attempt').safeParse({ ...event, type }).success).toBe(true);
  });
  it('maps the docs spelling to the canonical type', () => {
    expect(fusionAuthTypeAliases).toEqual({
      'user.two-factor.failed.attempt': 'user.two-factor.failed-attempt',
    });
  });
});

// fusionauth-facts.md (c): the events whose docs page marks them transactional.
const transactional = [
  'user.create',
  'user.update',
  'user.delete',
  'user.deactivate',
  'user.reactivate',
  'user.bulk.create',
  'user.email.verified',
  'user.identity.verified',
  'user.login.success',
  'user.login.failed',
  'user.login.new-device',
  'user.login.suspicious',
  'user.password.breach',
  'user.registration.create',
  'user.registration.update',
  'user.registration.delete',
  'user.registration.verified',
  'jwt.refresh',
  'jwt.refresh-token.revoke',
  'jwt.public-key.update',
  'group.create',
  'group.update',
  'group.delete',
  'group.member.add',
  'group.member.remove',
  'group.member.update',
  'entity.create',
  'entity.update',
  'entity.delete',
  'user.action',
];

describe('metadata', () => {
  it('describes exactly the known types', () => {
    expect(Object.keys(fusionAuthEventMetadata).sort()).toEqual([...fusionAuthEventTypes].sort());
    expect(Object.keys(fusionAuthEventSchemas).sort()).toEqual([...fusionAuthEventTypes].sort());
    for (const meta of Object.values(fusionAuthEventMetadata)) {
      expect(meta.description).not.toBe('');
      expect(['tenant', 'instance', 'application']).toContain(meta.scope);
      expect(meta.since === null || /^1\.\d+\.\d+$/.test(meta.since)).toBe(true);
    }
  });

  it('the type list, the schemas and the metadata come from one catalogue, in code-point order', () => {
    expect(fusionAuthEventTypes).toEqual(Object.keys(fusionAuthCatalogue));
    expect([...fusionAuthEventTypes]).toEqual([...fusionAuthEventTypes].sort());
    expect(Object.keys(fusionAuthEventSchemas)).toEqual(fusionAuthEventTypes);
    expect(Object.keys(fusionAuthEventMetadata)).toEqual(fusionAuthEventTypes);
    for (const type of fusionAuthEventTypes) {
      const [, transactional, since, scope, description] = fusionAuthCatalogue[type];
      expect(fusionAuthEventMetadata[type]).toEqual({ transactional, since, scope, description });
      const typeIssues = (spelling: string) =>
        schemaOf(type)
          .safeParse({ type: spelling, id: 'x' })
          .error?.issues.filter((issue) => issue.path[0] === 'type') ?? [];
      const aliases = Object.keys(fusionAuthTypeAliases).filter((alias) => aliasOf(alias) === type);
      for (const spelling of [type, ...aliases]) expect(typeIssues(spelling), spelling).toEqual([]);
      expect(typeIssues('other')).not.toEqual([]);
    }
  });

  it('the transactional set is the one the docs give', () => {
    const actual = fusionAuthEventTypes.filter((type) => fusionAuthEventMetadata[type].transactional);
    expect(actual.sort()).toEqual([...transactional].sort());
  });

  it('no *.complete event is transactional', () => {
    const complete = fusionAuthEventTypes.filter((type) => type.endsWith('.complete'));
    expect(complete).toHaveLength(15);
    for (const type of complete) expect(isTransactional(type), type).toBe(false);
  });

  it('isTransactional answers false for unknown types and follows aliases', () => {
    expect(isTransactional('user.delete')).toBe(true);
    expect(isTransactional('no.such.event')).toBe(false);
    expect(isTransactional('toString')).toBe(false);
    expect(isTransactional('user.two-factor.failed.attempt')).toBe(false);
  });
});
