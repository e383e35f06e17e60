import { silentLogger } from '@authhooks/core';
import { describe, expect, it } from 'vitest';
import { logto, logtoEventSchemas, logtoEventTypes, logtoReceiver, signLogtoPayload } from '../src/index.js';
import { eventFiles, signatures, testPayloadFiles, wireBody } from './fixtures.js';

const key = signatures.fixtureVectors.signingKey;
const headersFor = (signature: string) => ({
  'content-type': 'application/json',
  'logto-signature-sha-256': signature,
});
const typeOf = (body: string) => (JSON.parse(body) as { event: keyof typeof logtoEventSchemas }).event;

describe('the catalogue', () => {
  it('has a schema for every Logto event, and a fixture for each', () => {
    expect(logtoEventTypes).toHaveLength(31);
    const covered = new Set(eventFiles.map((file) => typeOf(wireBody(file))));
    expect([...covered].sort()).toEqual([...logtoEventTypes].sort());
  });

  it.each(eventFiles)('%s parses with its schema and keeps unknown fields', (file) => {
    const event = { ...JSON.parse(wireBody(file)), addedInLogto2: { nested: true } };
    const result = logtoEventSchemas[typeOf(wireBody(file))].safeParse(event);
    expect(result.error?.issues ?? []).toEqual([]);
    expect(result.data).toMatchObject({ addedInLogto2: { nested: true } });
  });

  it('accepts null where Logto leaves a value out, and refuses a wrong event name', () => {
    const signIn = JSON.parse(wireBody('events/PostSignIn.json'));
    const nulls = {
      ...signIn,
      userIp: null,
      application: null,
      user: { ...signIn.user, name: null, avatar: null },
    };
    expect(logtoEventSchemas.PostSignIn.safeParse(nulls).success).toBe(true);
    expect(logtoEventSchemas.PostSignIn.safeParse({ ...signIn, event: 'PostRegister' }).success).toBe(false);
    expect(
      logtoEventSchemas.PostSignIn.safeParse({ ...signIn, user: { ...signIn.user, createdAt: '2026-01-01' } })
        .success,
    ).toBe(false);
  });
});

describe('signatures', () => {
  it.each(signatures.fixtureVectors.vectors)('$file matches signatures.json', async ({
    file,
    bodyBytes,
    signature,
  }) => {
    const body = wireBody(file);
    expect(new TextEncoder().encode(body).byteLength).toBe(bodyBytes);
    expect(await signLogtoPayload(body, key)).toBe(signature);
  });

  it("verifies Logto's own unit-test vectors", async () => {
    const { signingKey, vectors } = signatures.logtoUnitTestVectors;
    for (const { body, signature } of vectors)
      expect(await signLogtoPayload(body, signingKey)).toBe(signature);
  });
});

describe('the receiver', () => {
  const receiver = (options: Parameters<typeof logtoReceiver>[0] = {}) => {
    const seen: string[] = [];
    const r = logtoReceiver({ signingKey: key, logger: silentLogger, ...options })
      .on('User.Created', (event, ctx) => void seen.push(`${event.data?.id}@${ctx.hookId}`))
      .on('PostSignIn', (event) => void seen.push(event.user?.primaryEmail ?? 'none'));
    return { r, seen };
  };

  it.each(signatures.fixtureVectors.vectors)('$file: handled or ignored with its signature', async ({
    file,
    signature,
  }) => {
    const { r } = receiver();
    const result = await r.receive({ method: 'POST', headers: headersFor(signature), body: wireBody(file) });
    const handled =
      file.startsWith('events/') && ['User.Created', 'PostSignIn'].includes(typeOf(wireBody(file)));
    expect([result.status, result.outcome]).toEqual([200, handled ? 'handled' : 'ignored']);
  });

  it('runs typed handlers with the hook id in ctx', async () => {
    const { r, seen } = receiver();
    const body = wireBody('events/User.Created.json');
    await r.receive({ method: 'POST', headers: headersFor(await signLogtoPayload(body, key)), body });
    const data = JSON.parse(body);
    expect(seen).toEqual([`${data.data.id}@${data.hookId}`]);
  });

  it('a changed byte, a wrong key or no header answers 401', async () => {
    const { r } = receiver();
    const body = wireBody('events/User.Created.json');
    const signature = await signLogtoPayload(body, key);
    const tampered = await r.receive({
      method: 'POST',
      headers: headersFor(signature),
      body: body.replace('"User.Created"', '"User.Created" '),
    });
    expect([tampered.status, JSON.parse(tampered.body).error]).toEqual([401, 'signature check failed']);
    const wrongKey = await r.receive({
      method: 'POST',
      headers: headersFor(await signLogtoPayload(body, 'another-key')),
      body,
    });
    expect(wrongKey.status).toBe(401);
    const missing = await r.receive({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect([missing.status, JSON.parse(missing.body).error]).toEqual([401, 'signature check failed']);
  });

  it('accepts the old and the new key during a rotation', async () => {
    const { r } = receiver({ signingKey: ['old-key', key] });
    const body = wireBody('events/PostSignIn.json');
    for (const signingKey of ['old-key', key]) {
      const result = await r.receive({
        method: 'POST',
        headers: headersFor(await signLogtoPayload(body, signingKey)),
        body,
      });
      expect(result.outcome).toBe('handled');
    }
  });

  it('the same body twice is a duplicate with an idempotency store (the key is the body hash)', async () => {
    const { memoryStore } = await import('@authhooks/core');
    const { r, seen } = receiver({ idempotency: memoryStore() });
    const body = wireBody('events/PostSignIn.json');
    const headers = headersFor(await signLogtoPayload(body, key));
    const first = await r.receive({ method: 'POST', headers, body });
    const second = await r.receive({ method: 'POST', headers, body });
    expect([first.outcome, second.outcome]).toEqual(['handled', 'duplicate']);
    expect(JSON.parse(first.body).eventId).toMatch(/^[0-9a-f]{64}$/);
    expect(seen).toHaveLength(1);
  });

  it.each(testPayloadFiles)('Console test payload %s is ignored, handlers untouched', async (file) => {
    const { r, seen } = receiver();
    const body = wireBody(file);
    const result = await r.receive({
      method: 'POST',
      headers: headersFor(await signLogtoPayload(body, key)),
      body,
    });
    expect([result.status, result.outcome, JSON.parse(result.body).error]).toEqual([
      200,
      'ignored',
      'Logto test payload',
    ]);
    expect(seen).toEqual([]);
  });

  it('with acceptTestPayloads: false a test payload is treated like a real event', async () => {
    const { r, seen } = receiver({ acceptTestPayloads: false });
    const body = wireBody('test-payloads/PostSignIn.json');
    const result = await r.receive({
      method: 'POST',
      headers: headersFor(await signLogtoPayload(body, key)),
      body,
    });
    expect(result.outcome).toBe('handled');
    expect(seen).toEqual(['fake-user@fake-service.com']);
  });

  it('a body that is not a Logto event answers 400 saying what was expected', async () => {
    const { r } = receiver();
    const body = '{"type":"user.create"}';
    const result = await r.receive({
      method: 'POST',
      headers: headersFor(await signLogtoPayload(body, key)),
      body,
    });
    expect(result.status).toBe(400);
    expect(JSON.parse(result.body).error).toMatch(/expected a Logto webhook body/);
  });
});

describe('configuration', () => {
  it('refuses to start without a signing key, saying where to find it', () => {
    expect(() => logto({ env: {} })).toThrow(/Logto Console \(Webhooks → your webhook → Signing key\)/);
  });

  it('reads LOGTO_WEBHOOK_SIGNING_KEY (comma-separated for a rotation)', () => {
    expect(logto({ env: { LOGTO_WEBHOOK_SIGNING_KEY: 'a, b' } }).verifiers).toHaveLength(1);
    expect(logto({ allowUnauthenticated: true, env: {} }).verifiers).toHaveLength(0);
  });
});
