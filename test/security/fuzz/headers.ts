// Request heads for the fuzzer: method, content type, Authorization (genuine, missing, repeated,
// case-shifted, edited, random) and random extra headers; with the one answer each must get.
import fc from 'fast-check';

export interface FuzzHead {
  readonly method: string;
  readonly headers: Readonly<Record<string, string | readonly string[]>>;
  /** What DESIGN.md requires: method, then content type, then credentials are checked, in that order. */
  readonly expected: readonly [number, string];
}

const method = fc.oneof(
  { weight: 6, arbitrary: fc.constant('POST') },
  fc.constantFrom('GET', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
);

/** [value or values, whether it is a JSON media type]. */
const contentType = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom<[string | string[] | undefined, boolean]>(
      ['application/json', true],
      ['application/json; charset=utf-8', true],
      ['Application/JSON', true],
      ['application/cloudevents+json', true],
    ),
  },
  fc.constantFrom<[string | string[] | undefined, boolean]>(
    [undefined, false],
    ['', false],
    ['text/plain', false],
    ['text/json', false],
    ['json', false],
    ['application/jsonp', false],
    ['application/x-www-form-urlencoded', false],
    ['multipart/form-data; boundary=x', false],
    [['application/json', 'application/json'], false],
    [['application/json', 'text/plain'], false],
  ),
);

const printable = (maxLength: number) =>
  fc.string({
    unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
    maxLength,
  });

/** Authorization header values: undefined for none, an array to send it several times. */
const authorization = (valid: string) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constant<string | string[] | undefined>(valid) },
    fc.constant(undefined),
    printable(60),
    fc.tuple(fc.constant(valid), printable(10)).map(([value, other]) => [value, other]),
    fc.constant([valid, valid]),
    fc
      .array(fc.boolean(), { minLength: valid.length, maxLength: valid.length })
      .map((flips) => [...valid].map((c, i) => (flips[i] ? flipCase(c) : c)).join('')),
    fc.tuple(printable(4), printable(4)).map(([before, after]) => `${before}${valid}${after}`),
    fc.tuple(fc.nat(), printable(1)).map(([at, c]) => {
      const i = at % valid.length;
      return `${valid.slice(0, i)}${c}${valid.slice(i + 1)}`;
    }),
  );

const flipCase = (c: string) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase());

const reserved = new Set(['x-fusionauth-signature-jwt']);
const extraHeaders = fc.dictionary(
  fc.stringMatching(/^x-[a-z0-9-]{1,20}$/).filter((name) => !reserved.has(name)),
  printable(50),
  { maxKeys: 5 },
);

/** HTTP servers drop spaces and tabs around a header value before anyone sees it. */
const trimmed = (value: string) => value.replace(/^[ \t]+|[ \t]+$/g, '');

export function fuzzHead(valid: string): fc.Arbitrary<FuzzHead> {
  return fc
    .record({ method, contentType, authorization: authorization(valid), extra: extraHeaders })
    .map(({ method, contentType: [type, isJson], authorization, extra }) => {
      const headers: Record<string, string | readonly string[]> = { ...extra };
      if (type !== undefined) headers['content-type'] = type;
      if (authorization !== undefined) headers.authorization = authorization;
      const authentic = typeof authorization === 'string' && trimmed(authorization) === valid;
      const expected: [number, string] =
        method !== 'POST'
          ? [405, 'method_not_allowed']
          : !isJson
            ? [415, 'unsupported_media_type']
            : !authentic
              ? [401, 'unauthorized']
              : [200, 'handled'];
      return { method, headers, expected };
    });
}
