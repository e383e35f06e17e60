import { createReceiver, defaultStatus, silentLogger } from '@authhooks/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testKey, testProvider } from './helpers/provider.js';

const statuses = new Set(Object.values(defaultStatus));

function receiver() {
  return createReceiver({
    provider: testProvider(),
    logger: silentLogger,
    timeoutMs: 200,
    maxBodyBytes: 2048,
  })
    .on('user.delete', () => {})
    .onAny(() => {});
}

const headerName = fc.constantFrom(
  'authorization',
  'content-type',
  'content-length',
  'x-other',
  'Authorization',
);
const headerValue = fc.oneof(
  fc.string(),
  fc.constantFrom('application/json', testKey, 'Basic Zm9vOmJhcg==', '-1', '99999999'),
);
const headers = fc.dictionary(headerName, headerValue, { maxKeys: 4 });
const method = fc.constantFrom('POST', 'GET', 'PUT', 'post', 'DELETE', 'OPTIONS');
const eventish = fc.record(
  {
    type: fc.oneof(
      fc.constantFrom('user.delete', 'user.create', 'user.registration.create', '__proto__'),
      fc.string(),
    ),
    id: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
    user: fc.oneof(fc.record({ id: fc.oneof(fc.string(), fc.integer()) }), fc.anything()),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  fc.uint8Array({ maxLength: 3000 }),
  fc.string({ maxLength: 3000 }),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  eventish.map((event) => JSON.stringify({ event })),
  fc.anything().map((value) => JSON.stringify({ event: value }) ?? ''),
);

describe('receive() on arbitrary input', () => {
  it('never throws and always answers a status from the table', async () => {
    const subject = receiver();
    await fc.assert(
      fc.asyncProperty(method, headers, body, async (m, h, b) => {
        const result = await subject.receive({ method: m, headers: h, body: b });
        expect(statuses.has(result.status)).toBe(true);
        expect(() => JSON.parse(result.body)).not.toThrow();
      }),
      { numRuns: 400 },
    );
  });

  it('never answers 2xx without valid credentials', async () => {
    const subject = receiver();
    const wrongKey = fc.string().filter((value) => value !== testKey);
    await fc.assert(
      fc.asyncProperty(fc.option(wrongKey, { nil: undefined }), body, async (key, b) => {
        const h: Record<string, string> = { 'content-type': 'application/json' };
        if (key !== undefined) h.authorization = key;
        const result = await subject.receive({ method: 'POST', headers: h, body: b });
        expect(result.status).toBeGreaterThanOrEqual(400);
      }),
      { numRuns: 400 },
    );
  });

  it('with valid credentials, arbitrary JSON never causes a 5xx (handlers here cannot fail)', async () => {
    const subject = receiver();
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const result = await subject.receive({
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: testKey },
          body: b,
        });
        expect(result.status).toBeLessThan(500);
      }),
      { numRuns: 400 },
    );
  });
});
