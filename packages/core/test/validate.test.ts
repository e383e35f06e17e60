import { openEnum, opt } from '@authhooks/core/schema';
import { describe, expect, it, vi } from 'vitest';
import { type ZodType, z } from 'zod';
import { type Validation, validate } from '../src/parse/validate.js';

const user = z.looseObject({
  id: z.string(),
  email: opt(z.string()),
  verified: opt(z.boolean()),
  data: opt(z.looseObject({ nickname: opt(z.string()), tier: opt(z.number()) })),
});
const event = z.looseObject({
  id: z.string(),
  type: z.literal('user.update'),
  user,
  original: opt(user),
  info: opt(
    z.looseObject({ location: opt(z.looseObject({ city: opt(z.string()), zipcode: opt(z.string()) })) }),
  ),
});

const base = () => ({
  id: 'evt-1',
  type: 'user.update',
  user: { id: 'u-1', email: 'ada@example.com', verified: true, data: { nickname: 'ada', tier: 2 } },
  original: { id: 'u-1', email: 'old@example.com' },
  info: { location: { city: 'Paris', zipcode: '75001' } },
});

/** Runs validate and checks what every run must satisfy: the input is left exactly as it was. */
function run<T>(schema: ZodType<T>, value: unknown, mode: 'lenient' | 'strict' = 'lenient'): Validation<T> {
  const before = structuredClone(value);
  const result = validate(schema, value, 'user.update', mode);
  expect(value).toStrictEqual(before);
  return result;
}

function accepted<T>(result: Validation<T>) {
  if (!result.ok) throw new Error(`expected ok, got: ${result.reason}`);
  return result;
}

function refused<T>(result: Validation<T>) {
  if (result.ok) throw new Error(`expected a refusal, got: ${JSON.stringify(result.value)}`);
  return result;
}

const paths = (result: { readonly issues: readonly { readonly path: readonly PropertyKey[] }[] }) =>
  result.issues.map((issue) => issue.path.join('.'));

describe('validate: a valid value', () => {
  it('a valid value is checked without zod and handed on as it is, no issues, in both modes', () => {
    for (const mode of ['lenient', 'strict'] as const) {
      const spy = vi.spyOn(event, 'safeParse');
      const value = base();
      const result = accepted(run(event, value, mode));
      const calls = spy.mock.calls.length;
      spy.mockRestore();
      expect(calls).toBe(0);
      expect(result.value).toBe(value);
      expect(result.value).toStrictEqual(event.parse(value));
      expect(result.issues).toEqual([]);
    }
  });

  it('a schema that changes its input is one safeParse on a valid value: its output, not the input', () => {
    const schema = z.looseObject({ id: z.string(), retries: z.number().default(3) });
    const spy = vi.spyOn(schema, 'safeParse');
    const result = accepted(run(schema, { id: 'x' }));
    const calls = spy.mock.calls.length;
    spy.mockRestore();
    expect(calls).toBe(1);
    expect(result.value).toEqual({ id: 'x', retries: 3 });
  });

  it('keeps the fields the schema does not know (loose objects)', () => {
    const value = { ...base(), extra: { deep: [1, 2] } };
    expect(accepted(run(event, value)).value).toMatchObject({ extra: { deep: [1, 2] } });
  });

  it('accepts null for opt() fields and any string for openEnum fields', () => {
    const schema = z.looseObject({
      id: z.string(),
      kind: opt(openEnum(['a', 'b'] as const)),
      note: opt(z.string()),
    });
    const result = accepted(run(schema, { id: 'x', kind: 'something-new', note: null }));
    expect(result.value).toEqual({ id: 'x', kind: 'something-new', note: null });
    expect(result.issues).toEqual([]);
  });
});

describe('validate (lenient): an optional field that fails is left out', () => {
  it('drops a failing optional field at the top level, keeps the rest', () => {
    const value = { ...base(), info: 'not an object' };
    const result = accepted(run(event, value));
    expect(paths(result)).toEqual(['info']);
    expect(result.issues[0]?.message).toBe('Invalid input: expected object, received string');
    const { info: _, ...rest } = base();
    expect(result.value).toStrictEqual(event.parse(rest));
  });

  it('drops only the deepest optional field in nested optional objects', () => {
    const value = base();
    value.info.location.zipcode = 75001 as unknown as string;
    const result = accepted(run(event, value));
    expect(paths(result)).toEqual(['info.location.zipcode']);
    expect(result.value.info?.location).toStrictEqual({ city: 'Paris' });
  });

  it('drops an optional field inside a required object (the object stays)', () => {
    const value = base();
    (value.user as Record<string, unknown>).email = 42;
    (value.user.data as Record<string, unknown>).tier = 'gold';
    const result = accepted(run(event, value));
    expect(paths(result)).toEqual(['user.email', 'user.data.tier']);
    expect(result.value.user).toStrictEqual({ id: 'u-1', verified: true, data: { nickname: 'ada' } });
  });

  it('drops the optional parent of a failing required field, and says which field failed', () => {
    const missing = base();
    delete (missing.original as Partial<typeof missing.original>).id;
    const result = accepted(run(event, missing));
    expect(result.issues).toEqual([
      { path: ['original'], message: 'id: Invalid input: expected string, received undefined' },
    ]);
    expect(result.value).not.toHaveProperty('original');
    expect(result.value.user).toStrictEqual(base().user);

    const wrongType = base();
    (wrongType.original as Record<string, unknown>).id = 7;
    expect(paths(accepted(run(event, wrongType)))).toEqual(['original']);
  });

  it('validates a copy that shares every subtree it did not have to change', () => {
    const spy = vi.spyOn(event, 'safeParse');
    const value = base();
    (value.info.location as Record<string, unknown>).city = 1;
    accepted(run(event, value));
    const revalidated = spy.mock.calls[1]?.[0] as ReturnType<typeof base>;
    spy.mockRestore();
    expect(revalidated).not.toBe(value);
    expect(revalidated.info.location).not.toBe(value.info.location);
    expect(revalidated.user).toBe(value.user);
    expect(revalidated.original).toBe(value.original);
  });

  it('drops several fields in one go and reports each once, in the order zod found them', () => {
    const value = base();
    (value.user as Record<string, unknown>).verified = 'yes';
    (value.info.location as Record<string, unknown>).city = ['Paris'];
    (value.original as Record<string, unknown>).id = null;
    (value.original as Record<string, unknown>).email = 1;
    const result = accepted(run(event, value));
    expect(paths(result)).toEqual(['user.verified', 'original', 'info.location.city']);
  });

  it('drops a field whose schema has a default: the default is then used', () => {
    const schema = z.looseObject({ id: z.string(), retries: z.number().default(3) });
    const result = accepted(run(schema, { id: 'x', retries: 'many' }));
    expect(result.value).toEqual({ id: 'x', retries: 3 });
    expect(paths(result)).toEqual(['retries']);
  });
});

describe('validate (lenient): a required field that fails refuses the delivery', () => {
  it.each([
    ['user.id is a number', { user: { id: 1 } }, 'user.id: Invalid input: expected string, received number'],
    ['user.id is missing', { user: {} }, 'user.id: Invalid input: expected string, received undefined'],
    ['user is missing', { user: undefined }, 'user: Invalid input: expected object, received undefined'],
    ['the event id is a number', { id: 5 }, 'id: Invalid input: expected string, received number'],
    ['the type is another one', { type: 'user.create' }, 'type: Invalid input: expected "user.update"'],
  ])('%s', (_name, patch, reason) => {
    const value: Record<string, unknown> = { ...base(), ...patch };
    for (const [key, field] of Object.entries(patch)) if (field === undefined) delete value[key];
    const result = refused(run(event, value));
    expect(result.reason).toBe(`invalid user.update event: ${reason}`);
  });

  it('refuses a value that is not an object at all, naming the event', () => {
    expect(refused(run(event, 'hello')).reason).toBe(
      'invalid user.update event: (event): Invalid input: expected object, received string',
    );
  });

  it('names only the required fields when optional ones fail too', () => {
    const value = { ...base(), id: 9, info: 'x', user: { id: false, email: 3 } };
    const result = refused(run(event, value));
    expect(paths(result)).toEqual(['id', 'user.id']);
    expect(result.reason).toBe(
      'invalid user.update event: id: Invalid input: expected string, received number; ' +
        'user.id: Invalid input: expected string, received boolean',
    );
  });

  it('lists three issues in the reason, then how many more', () => {
    const schema = z.looseObject({
      a: z.string(),
      b: z.string(),
      c: z.string(),
      d: z.string(),
      e: z.string(),
    });
    const result = refused(run(schema, {}));
    expect(result.issues).toHaveLength(5);
    expect(result.reason).toBe(
      'invalid user.update event: a: Invalid input: expected string, received undefined; ' +
        'b: Invalid input: expected string, received undefined; ' +
        'c: Invalid input: expected string, received undefined (+2 more)',
    );
  });
});

describe('validate (lenient): arrays', () => {
  const bulk = z.looseObject({
    id: z.string(),
    users: z.array(z.looseObject({ id: z.string(), email: opt(z.string()) })),
    tags: opt(z.array(z.looseObject({ id: z.string(), label: opt(z.string()) }))),
    roles: opt(z.array(z.string())),
  });
  const users = () => [
    { id: 'a', email: 'a@example.com' },
    { id: 'b', email: 'b@example.com' },
    { id: 'c', email: 'c@example.com' },
  ];

  it('drops a bad optional field of one item; the item and its neighbours stay', () => {
    const value = { id: 'e', users: users() };
    (value.users[1] as Record<string, unknown>).email = 12;
    const result = accepted(run(bulk, value));
    expect(paths(result)).toEqual(['users.1.email']);
    expect(result.value.users).toStrictEqual([{ id: 'a', email: 'a@example.com' }, { id: 'b' }, users()[2]]);
  });

  it('never drops an item: a bad required field inside a required array refuses', () => {
    const value = { id: 'e', users: users() };
    (value.users[2] as Record<string, unknown>).id = 3;
    expect(refused(run(bulk, value)).reason).toBe(
      'invalid user.update event: users.2.id: Invalid input: expected string, received number',
    );
    expect(
      refused(run(bulk, { id: 'e', users: ['a', ...users()] })).issues.map((issue) => issue.path),
    ).toEqual([['users', 0]]);
  });

  it('drops the optional array when one of its items is bad', () => {
    const value = {
      id: 'e',
      users: users(),
      tags: [{ id: 't1' }, { id: 2, label: 'x' }],
      roles: ['admin', 7],
    };
    const result = accepted(run(bulk, value));
    expect(result.issues).toEqual([
      { path: ['tags'], message: '1.id: Invalid input: expected string, received number' },
      { path: ['roles'], message: '1: Invalid input: expected string, received number' },
    ]);
    expect(result.value).toStrictEqual({ id: 'e', users: users() });
  });

  it('drops an optional array that is not an array', () => {
    const result = accepted(run(bulk, { id: 'e', users: [], roles: {} }));
    expect(paths(result)).toEqual(['roles']);
  });
});

describe('validate (lenient): unions', () => {
  const card = z.looseObject({ kind: z.literal('card'), last4: opt(z.string()), brand: z.string() });
  const bank = z.looseObject({ kind: z.literal('bank'), iban: opt(z.string()), bic: z.string() });

  it('walks a discriminated union into the option its discriminator names', () => {
    const schema = z.looseObject({ id: z.string(), method: opt(z.discriminatedUnion('kind', [card, bank])) });
    const result = accepted(run(schema, { id: 'e', method: { kind: 'bank', iban: 1, bic: 'X' } }));
    expect(paths(result)).toEqual(['method.iban']);
    expect(result.value.method).toStrictEqual({ kind: 'bank', bic: 'X' });

    const noOption = accepted(run(schema, { id: 'e', method: { kind: 'cash' } }));
    expect(paths(noOption)).toEqual(['method']);
  });

  it('picks the option of a plain union that needs the fewest fields dropped', () => {
    const schema = z.looseObject({ id: z.string(), method: z.union([card, bank]) });
    const result = accepted(run(schema, { id: 'e', method: { kind: 'card', brand: 'visa', last4: 1234 } }));
    expect(paths(result)).toEqual(['method.last4']);
    expect(result.value.method).toStrictEqual({ kind: 'card', brand: 'visa' });
  });

  it('walks through a union whose other options do not fit at all', () => {
    const schema = z.looseObject({ id: z.string(), value: z.union([z.string(), card]) });
    const result = accepted(run(schema, { id: 'e', value: { kind: 'card', brand: 'visa', last4: false } }));
    expect(paths(result)).toEqual(['value.last4']);
  });

  it('drops an optional union that no option can accept, refuses a required one', () => {
    const optional = z.looseObject({ id: z.string(), method: opt(z.union([card, bank])) });
    const value = { id: 'e', method: { kind: 'card', brand: 3 } };
    expect(paths(accepted(run(optional, value)))).toEqual(['method']);

    const required = z.looseObject({ id: z.string(), method: z.union([card, bank]) });
    expect(refused(run(required, value)).reason).toBe('invalid user.update event: method: Invalid input');
  });

  it('treats a field as optional when an option that holds it says so', () => {
    const schema = z.looseObject({
      id: z.string(),
      who: z.union([
        z.looseObject({ name: opt(z.string()) }),
        z.looseObject({ name: z.string(), age: z.number() }),
      ]),
    });
    const result = accepted(run(schema, { id: 'e', who: { name: 5 } }));
    expect(result.value.who).toStrictEqual({});
  });
});

describe('validate (lenient): records, wrappers and recursion', () => {
  it('drops a bad optional field inside a record entry', () => {
    const schema = z.looseObject({
      id: z.string(),
      roles: opt(z.record(z.string(), z.looseObject({ id: z.string(), name: opt(z.string()) }))),
    });
    const result = accepted(
      run(schema, { id: 'e', roles: { app1: { id: 'r', name: 1 }, app2: { id: 's' } } }),
    );
    expect(paths(result)).toEqual(['roles.app1.name']);
    expect(result.value.roles).toStrictEqual({ app1: { id: 'r' }, app2: { id: 's' } });
  });

  it('drops the whole optional record when an entry itself is bad (entries are never dropped)', () => {
    const schema = z.looseObject({ id: z.string(), tokens: opt(z.record(z.string(), z.string())) });
    const result = accepted(run(schema, { id: 'e', tokens: { a: 'x', b: 2 } }));
    expect(result.issues).toEqual([
      { path: ['tokens'], message: 'b: Invalid input: expected string, received number' },
    ]);

    const required = z.looseObject({ id: z.string(), tokens: z.record(z.string(), z.string()) });
    expect(refused(run(required, { id: 'e', tokens: { b: 2 } })).reason).toContain('tokens.b:');
  });

  it('drops a record entry whose value schema accepts absence', () => {
    const schema = z.looseObject({ id: z.string(), flags: z.record(z.string(), z.boolean().optional()) });
    const result = accepted(run(schema, { id: 'e', flags: { a: true, b: 'yes' } }));
    expect(paths(result)).toEqual(['flags.b']);
    expect(result.value.flags).toStrictEqual({ a: true });
  });

  it('walks through transforms, pipes, preprocess, readonly, nullable and catch', () => {
    const schema = z.looseObject({
      id: z.string(),
      a: z.looseObject({ n: opt(z.number()) }).transform((v) => ({ ...v, seen: true })),
      b: z.preprocess((v) => v, z.looseObject({ n: opt(z.number()) })),
      c: z
        .looseObject({ n: opt(z.number()) })
        .readonly()
        .nullable(),
      d: z.number().catch(0),
    });
    const value = { id: 'e', a: { n: 'x' }, b: { n: 'y' }, c: { n: 'z' }, d: 'w' };
    const result = accepted(run(schema, value));
    expect(paths(result)).toEqual(['a.n', 'b.n', 'c.n']);
    expect(result.value).toStrictEqual({ id: 'e', a: { seen: true }, b: {}, c: {}, d: 0 });
  });

  it('walks a recursive (lazy) schema', () => {
    interface Node {
      name: string;
      label?: string | null | undefined;
      children?: Node[] | null | undefined;
    }
    const node: z.ZodType<Node> = z.lazy(() =>
      z.looseObject({ name: z.string(), label: opt(z.string()), children: opt(z.array(node)) }),
    );
    const value = { name: 'root', children: [{ name: 'a', children: [{ name: 'b', label: 3 }] }] };
    const result = accepted(run(node, value));
    expect(paths(result)).toEqual(['children.0.children.0.label']);

    const deepRequired = { name: 'root', children: [{ name: 'a', children: [{ name: 4 }] }] };
    expect(paths(accepted(run(node, deepRequired)))).toEqual(['children.0.children']);
  });

  it('drops the keys a strict object does not allow', () => {
    const schema = z.looseObject({ id: z.string(), address: z.strictObject({ city: z.string() }) });
    const result = accepted(run(schema, { id: 'e', address: { city: 'Paris', zip: '75001', geo: {} } }));
    expect(paths(result)).toEqual(['address.zip', 'address.geo']);
    expect(result.value.address).toStrictEqual({ city: 'Paris' });
  });

  it('revalidates after dropping: checks that run only on valid objects are applied, round after round', () => {
    const level = (inner: ZodType): ZodType =>
      z
        .looseObject({ inner: opt(inner), note: opt(z.string()) })
        .refine((v) => v.note !== 'bad', { path: ['note'], message: 'note is not allowed', abort: true });
    const schema = z.looseObject({
      id: z.string(),
      top: level(level(level(z.looseObject({ n: opt(z.number()) })))),
    });
    const value = {
      id: 'e',
      top: { note: 'bad', inner: { note: 'bad', inner: { note: 'bad', inner: { n: 'x' } } } },
    };
    const result = accepted(run(schema, value));
    expect(paths(result)).toEqual([
      'top.inner.inner.inner.n',
      'top.inner.inner.note',
      'top.inner.note',
      'top.note',
    ]);
    expect(result.issues[3]?.message).toBe('note is not allowed');
  });

  it('gives up after a bounded number of rounds', () => {
    let schema: ZodType = z.looseObject({ n: opt(z.number()) });
    for (let depth = 0; depth < 60; depth++) {
      schema = z
        .looseObject({ inner: schema, note: opt(z.string()) })
        .refine((v) => v.note !== 'bad', { path: ['note'], message: 'note is not allowed', abort: true });
    }
    let value: Record<string, unknown> = { n: 'x' };
    for (let depth = 0; depth < 60; depth++) value = { inner: value, note: 'bad' };
    const result = refused(run(schema, value));
    expect(result.reason).toMatch(/^invalid user\.update event: (inner\.){10}note: note is not allowed$/);
  });
});

describe('validate: strict mode and schemas that cannot be walked', () => {
  it('strict refuses any issue, optional or not, listing them all', () => {
    const value = base();
    (value.info.location as Record<string, unknown>).city = 1;
    const result = refused(run(event, value, 'strict'));
    expect(result.reason).toBe(
      'invalid user.update event: info.location.city: Invalid input: expected string, received number',
    );
    expect(result.issues).toEqual([
      { path: ['info', 'location', 'city'], message: 'Invalid input: expected string, received number' },
    ]);
  });

  it('treats every issue of a schema that only has safeParse as required', () => {
    const opaque = {
      safeParse: (value: unknown) =>
        (value as { ok?: unknown }).ok === true
          ? { success: true as const, data: value }
          : { success: false as const, error: { issues: [{ path: ['extra'], message: 'not ok' }] } },
    } as unknown as ZodType<unknown>;
    expect(refused(run(opaque, { ok: false }))).toEqual({
      ok: false,
      reason: 'invalid user.update event: extra: not ok',
      issues: [{ path: ['extra'], message: 'not ok' }],
    });
    expect(accepted(run(opaque, { ok: true }))).toEqual({ ok: true, value: { ok: true }, issues: [] });
  });
});

describe('validate: messages never carry the value received', () => {
  const secret = 'sk_live_SECRET-7f3a9c';
  const schema = z.looseObject({
    id: z.string(),
    email: opt(z.email()),
    kind: opt(z.enum(['a', 'b'])),
    literal: opt(z.literal('x')),
    code: opt(z.string().regex(/^[0-9]+$/)),
    short: opt(z.string().max(3)),
    count: opt(z.number()),
    nested: opt(z.strictObject({ a: opt(z.string()) })),
    union: opt(z.union([z.number(), z.boolean()])),
  });

  it.each(['email', 'kind', 'literal', 'code', 'short', 'count', 'union'])('%s', (field) => {
    for (const mode of ['lenient', 'strict'] as const) {
      const result = run(schema, { id: 'e', [field]: secret }, mode);
      expect(JSON.stringify(result.ok ? result.issues : [result.reason, result.issues])).not.toContain(
        'SECRET',
      );
      expect(result.issues).toHaveLength(1);
    }
  });
});
