// Request bodies for the fuzzer: random JSON, event-shaped objects with random fields, prototype keys
// and deep nesting spliced in, raw bytes, and genuine bodies with bytes flipped or cut.
import fc from 'fast-check';

export interface FuzzBody {
  readonly body: string | Uint8Array;
  /** Set when the body is a well-formed user.delete delivery: it must then be `handled`. */
  readonly genuine: boolean;
}

const type = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom('user.delete', 'user.create', 'user.update', 'user.registration.create'),
  },
  fc.constantFrom(
    'jwt.refresh-token.revoke',
    'x.unknown',
    '',
    'user.delete ',
    'USER.DELETE',
    'constructor',
    '__proto__',
  ),
  fc.string({ maxLength: 20 }),
  fc.jsonValue({ maxDepth: 1 }),
);

const id = fc.oneof(
  { weight: 3, arbitrary: fc.uuid() },
  fc.string({ maxLength: 40 }),
  fc.jsonValue({ maxDepth: 1 }),
);

const user = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ id: fc.oneof(fc.uuid(), fc.string(), fc.integer()), email: fc.string() }),
  },
  fc.jsonValue({ maxDepth: 3 }),
);

const eventObject = fc
  .record(
    {
      type,
      id,
      user,
      extra: fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 4 }), { maxKeys: 6 }),
    },
    { requiredKeys: [] },
  )
  .map(({ extra = {}, ...fields }) => ({ ...extra, ...fields }));

const envelope = fc.oneof(
  { weight: 4, arbitrary: eventObject.map((event) => ({ event })) },
  fc.record({ event: fc.jsonValue({ maxDepth: 3 }) }),
  fc.jsonValue({ maxDepth: 4 }),
);

/** Text spliced in after the first `{` (or wrapped around the whole body). */
const hazard = fc.constantFrom(
  '"__proto__":{"polluted":true},',
  '"\\u005f_proto__":{"polluted":true},',
  '"constructor":{"prototype":{"polluted":true}},',
  '"\\u0063onstructor":{"prototype":{}},',
  '"constructor":"not an object",',
  '"prototype":{},',
);

const spliced = fc.tuple(envelope, hazard).map(([value, text]) => {
  const json = JSON.stringify(value) ?? 'null';
  const at = json.indexOf('{');
  return at === -1 ? json : `${json.slice(0, at + 1)}${text}${json.slice(at + 1).replace(/^}/, '"end":1}')}`;
});

const nested = fc
  .tuple(fc.integer({ min: 1, max: 3000 }), fc.constantFrom('[', '{"a":'))
  .map(([depth, open]) => {
    const close = open === '[' ? ']' : '}';
    return `{"event":{"type":"user.delete","id":"deep","user":{"id":"u"},"x":${open.repeat(depth)}1${close.repeat(depth)}}}`;
  });

/** A well-formed user.delete delivery. */
export const genuineBody = (id: string) =>
  JSON.stringify({ event: { type: 'user.delete', id, user: { id: 'user-1' } } });

const flipped = fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.boolean()).map(([at, byte, cut]) => {
  const bytes = Buffer.from(genuineBody('5b0a6c1e-1f2d-4c3b-9a8e-7d6f5e4c3b2a'));
  const index = at % bytes.length;
  if (cut) return bytes.subarray(0, index);
  bytes[index] = byte;
  return bytes;
});

const large = fc.tuple(fc.uuid(), fc.integer({ min: 60 * 1024, max: 70 * 1024 })).map(([id, size]) => {
  const body = genuineBody(id);
  return body.replace('"user"', `"pad":"${'x'.repeat(size - body.length)}","user"`);
});

const withBom = (body: fc.Arbitrary<string>) =>
  fc.tuple(body, fc.boolean()).map(([text, bom]) => (bom ? `\uFEFF${text}` : text));

export const fuzzBody: fc.Arbitrary<FuzzBody> = fc.oneof(
  { weight: 2, arbitrary: withBom(fc.uuid().map(genuineBody)).map((body) => ({ body, genuine: true })) },
  {
    weight: 4,
    arbitrary: envelope.map((value) => ({ body: JSON.stringify(value) ?? 'null', genuine: false })),
  },
  { weight: 2, arbitrary: spliced.map((body) => ({ body, genuine: false })) },
  { weight: 1, arbitrary: nested.map((body) => ({ body, genuine: false })) },
  { weight: 2, arbitrary: fc.json({ maxDepth: 6 }).map((body) => ({ body, genuine: false })) },
  { weight: 2, arbitrary: flipped.map((body) => ({ body, genuine: false })) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 512 }).map((body) => ({ body, genuine: false })) },
  {
    weight: 1,
    arbitrary: fc.string({ unit: 'binary', maxLength: 256 }).map((body) => ({ body, genuine: false })),
  },
  { weight: 1, arbitrary: large.map((body) => ({ body, genuine: false })) },
);
