import { createHmac } from 'node:crypto';
import {
  basicAuthVerifier,
  headerValueVerifier,
  hmacSignatureVerifier,
  matchesAny,
  readHeaders,
  timingSafeEqual,
} from '@authhooks/core';
import { describe, expect, it } from 'vitest';

const body = new TextEncoder().encode('{"event":"User.Created"}');
const hmac = (secret: string, encoding: 'hex' | 'base64') =>
  createHmac('sha256', secret).update(body).digest(encoding);

describe('constant-time comparison', () => {
  it('is exact', async () => {
    expect(timingSafeEqual('abc', 'abc')).toBe(true);
    expect(timingSafeEqual('abc', 'abd')).toBe(false);
    expect(timingSafeEqual('abc', 'abcd')).toBe(false);
    expect(matchesAny('new', ['old', 'new'])).toBe(true);
    expect(matchesAny('other', ['old', 'new'])).toBe(false);
  });
});

describe('headerValueVerifier', () => {
  const verifier = headerValueVerifier({ header: 'X-Webhook-Key', values: ['old', 'new'] });
  it('accepts every configured value, whatever the header name case', async () => {
    expect(await verifier.verify(readHeaders({ 'x-webhook-key': 'old' }))).toEqual({ ok: true });
    expect(await verifier.verify(readHeaders(new Headers({ 'X-WEBHOOK-KEY': 'new' })))).toEqual({ ok: true });
    expect(await verifier.verify(readHeaders({ 'x-webhook-key': 'neww' }))).toEqual({
      ok: false,
      reason: 'x-webhook-key header does not match',
    });
  });
  it('refuses an empty configuration', () => {
    expect(() => headerValueVerifier({ header: 'x', values: [] })).toThrow(/at least one value/);
    expect(() => headerValueVerifier({ header: 'x', values: '' })).toThrow(/empty value/);
  });
});

describe('basicAuthVerifier', () => {
  const verifier = basicAuthVerifier({
    credentials: [
      { username: 'fusionauth', password: 'p:ss' },
      { username: 'next', password: 'rotated' },
    ],
  });
  const basic = (text: string) =>
    readHeaders({ authorization: `Basic ${Buffer.from(text).toString('base64')}` });
  it('accepts each pair, including a colon in the password', async () => {
    expect(await verifier.verify(basic('fusionauth:p:ss'))).toEqual({ ok: true });
    expect(await verifier.verify(basic('next:rotated'))).toEqual({ ok: true });
  });
  it('refuses a wrong password, another scheme and broken base64', async () => {
    expect((await verifier.verify(basic('fusionauth:nope'))).ok).toBe(false);
    expect(await verifier.verify(readHeaders({ authorization: 'Bearer abc' }))).toEqual({
      ok: false,
      reason: 'authorization header is not Basic credentials',
    });
    expect((await verifier.verify(readHeaders({ authorization: 'Basic %%%' }))).ok).toBe(false);
  });
  it('refuses a username with a colon at construction', () => {
    expect(() => basicAuthVerifier({ credentials: { username: 'a:b', password: 'x' } })).toThrow(/RFC 7617/);
  });
});

describe('hmacSignatureVerifier', () => {
  it('verifies hex and base64 digests, with a prefix and several secrets', async () => {
    const hex = hmacSignatureVerifier({ header: 'sig', secrets: ['old', 'new'], encoding: 'hex' });
    expect(await hex.verify(readHeaders({ sig: hmac('new', 'hex') }), body)).toEqual({ ok: true });
    expect(await hex.verify(readHeaders({ sig: hmac('old', 'hex') }), body)).toEqual({ ok: true });
    const b64 = hmacSignatureVerifier({ header: 'sig', secrets: 's', encoding: 'base64', prefix: 'sha256=' });
    expect(await b64.verify(readHeaders({ sig: `sha256=${hmac('s', 'base64')}` }), body)).toEqual({
      ok: true,
    });
  });
  it('refuses a changed byte, a wrong secret, a wrong length and a missing header', async () => {
    const verifier = hmacSignatureVerifier({ header: 'sig', secrets: 'k', encoding: 'hex' });
    const changed = body.slice();
    changed[3] = (changed[3] as number) ^ 1;
    expect(await verifier.verify(readHeaders({ sig: hmac('k', 'hex') }), changed)).toEqual({
      ok: false,
      reason: 'sig signature does not match the body',
    });
    expect((await verifier.verify(readHeaders({ sig: hmac('other', 'hex') }), body)).ok).toBe(false);
    expect(await verifier.verify(readHeaders({ sig: 'abcd' }), body)).toEqual({
      ok: false,
      reason: 'sig header is missing or malformed',
    });
    // The header alone is checked before the body is read.
    expect(verifier.precheck?.(readHeaders({ sig: 'abcd' }))).toEqual({
      ok: false,
      reason: 'sig header is malformed',
    });
    expect(verifier.precheck?.(readHeaders({}))).toEqual({ ok: false, reason: 'missing sig header' });
    expect(verifier.precheck?.(readHeaders({ sig: hmac('k', 'hex') }))).toEqual({ ok: true });
  });
});
