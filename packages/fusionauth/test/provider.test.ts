import { silentLogger } from '@authhooks/core';
import { describe, expect, it } from 'vitest';
import { environmentVariables, fusionauth, fusionReceiver } from '../src/index.js';

const key = 'provider-test-key';
const headers = { 'content-type': 'application/json', authorization: key };
const body = (event: Record<string, unknown>) =>
  JSON.stringify({ event: { id: crypto.randomUUID(), user: { id: 'u-1' }, ...event } });

describe('fusionauth() configuration', () => {
  it('with no verifier reads the environment, and refuses to start naming the variables when none is set', () => {
    expect(() => fusionauth({ env: {} })).toThrow(new RegExp(environmentVariables.join('.*')));
    const fromEnv = fusionauth({
      env: {
        FUSIONAUTH_WEBHOOK_AUTHORIZATION: 'old, new',
        FUSIONAUTH_WEBHOOK_HMAC_SECRET: 'hmac-secret',
      },
    });
    expect(fromEnv.verifiers.map((v) => v.check)).toEqual(['authorization', 'signature']);
    expect(() => fusionauth({ env: { FUSIONAUTH_WEBHOOK_BASIC_USERNAME: 'only-user' } })).toThrow(
      /both FUSIONAUTH_WEBHOOK_BASIC_USERNAME and FUSIONAUTH_WEBHOOK_BASIC_PASSWORD/,
    );
  });

  it('explicit options win over the environment', () => {
    const provider = fusionauth({
      authorization: 'explicit',
      env: { FUSIONAUTH_JWKS_URL: 'https://x/jwks.json' },
    });
    expect(provider.verifiers.map((v) => v.check)).toEqual(['authorization']);
  });

  it('refuses two checks of the one Authorization header', () => {
    expect(() => fusionauth({ authorization: 'a', basicAuth: { username: 'u', password: 'p' } })).toThrow(
      /configure only the one you set in FusionAuth/,
    );
    expect(() => fusionauth({ authorization: 'a', headers: { Authorization: 'b' } })).toThrow(/only the one/);
  });

  it('allowUnauthenticated is explicit and reads no environment', () => {
    expect(fusionauth({ allowUnauthenticated: true, env: {} }).verifiers).toEqual([]);
  });
});

describe('fusionReceiver()', () => {
  it('sets ctx.transactional from the event type, and routes both two-factor spellings together', async () => {
    const seen: [string, boolean][] = [];
    const receiver = fusionReceiver({ authorization: key, logger: silentLogger })
      .on('user.delete', (_e, ctx) => void seen.push([ctx.eventType, ctx.transactional]))
      .on('user.delete.complete', (_e, ctx) => void seen.push([ctx.eventType, ctx.transactional]))
      .on('user.two-factor.failed-attempt', (_e, ctx) => void seen.push([ctx.eventType, ctx.transactional]));
    for (const type of [
      'user.delete',
      'user.delete.complete',
      'user.two-factor.failed.attempt',
      'user.two-factor.failed-attempt',
    ]) {
      expect((await receiver.receive({ method: 'POST', headers, body: body({ type }) })).outcome).toBe(
        'handled',
      );
    }
    expect(seen).toEqual([
      ['user.delete', true],
      ['user.delete.complete', false],
      ['user.two-factor.failed-attempt', false],
      ['user.two-factor.failed-attempt', false],
    ]);
  });

  it('an unknown future type reaches onAny untyped, and is otherwise ignored', async () => {
    const plain = fusionReceiver({ authorization: key, logger: silentLogger });
    const future = body({ type: 'user.teleport', destination: 'mars' });
    expect((await plain.receive({ method: 'POST', headers, body: future })).outcome).toBe('ignored');
    const types: string[] = [];
    plain.onAny((event) => void types.push(event.type));
    expect((await plain.receive({ method: 'POST', headers, body: future })).outcome).toBe('handled');
    expect(types).toEqual(['user.teleport']);
  });

  it('tenantIds and applicationIds filter events to ignored; instance events pass', async () => {
    let runs = 0;
    const receiver = fusionReceiver({
      authorization: key,
      logger: silentLogger,
      tenantIds: ['tenant-a'],
      applicationIds: ['app-1'],
    }).onAny(() => void runs++);
    const send = async (event: Record<string, unknown>) => {
      const result = await receiver.receive({ method: 'POST', headers, body: body(event) });
      return [result.outcome, JSON.parse(result.body).error];
    };
    expect(await send({ type: 'user.delete', tenantId: 'tenant-b' })).toEqual([
      'ignored',
      'tenant is not in tenantIds',
    ]);
    expect(await send({ type: 'user.delete', tenantId: 'tenant-a' })).toEqual(['handled', undefined]);
    expect(await send({ type: 'user.login.success', tenantId: 'tenant-a', applicationId: 'app-2' })).toEqual([
      'ignored',
      'application is not in applicationIds',
    ]);
    expect(
      await send({ type: 'jwt.public-key.update', tenantId: 'tenant-a', applicationIds: ['app-9', 'app-1'] }),
    ).toEqual(['handled', undefined]);
    expect(await send({ type: 'kickstart.success', instanceId: 'i-1' })).toEqual(['handled', undefined]);
    expect(runs).toBe(3);
    expect(() => fusionReceiver({ authorization: key, tenantIds: [] })).toThrow(
      /tenantIds must be a non-empty list/,
    );
  });

  it('refuses a body without the {"event": …} envelope, saying what it expected', async () => {
    const receiver = fusionReceiver({ authorization: key, logger: silentLogger });
    const result = await receiver.receive({
      method: 'POST',
      headers,
      body: '{"type":"user.delete","id":"x"}',
    });
    expect(result.status).toBe(400);
    expect(JSON.parse(result.body).error).toBe(
      'body has no "event" object; expected a FusionAuth webhook body {"event": {"type": …, "id": …}}',
    );
  });
});
