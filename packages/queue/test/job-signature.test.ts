import { describe, expect, it } from 'vitest';
import { canonicalJson, jobSigner } from '../src/job-signature.js';

describe('job signatures', () => {
  const signer = jobSigner('a-queue-signing-secret-of-32-chars!', {});
  const job = {
    provider: 'fusionauth',
    id: 'e-1',
    type: 'user.delete.complete',
    rawEvent: { type: 'user.delete.complete', user: { id: 'u-1', email: 'a@example.com' }, id: 'e-1' },
    receivedAt: 1,
  };

  it('verify does not depend on key order (PostgreSQL jsonb stores keys in its own order)', () => {
    const signature = signer?.sign('fusionauth.e-1', job);
    const reordered = {
      ...job,
      rawEvent: { id: 'e-1', user: { email: 'a@example.com', id: 'u-1' }, type: 'user.delete.complete' },
    };
    expect(signer?.verify('fusionauth.e-1', reordered, signature)).toBe(true);
    const changed = { ...job, rawEvent: { ...job.rawEvent, user: { id: 'victim', email: 'a@example.com' } } };
    expect(signer?.verify('fusionauth.e-1', changed, signature)).toBe(false);
    expect(signer?.verify('fusionauth.e-2', job, signature)).toBe(false);
  });

  it('canonical JSON sorts keys at every depth and keeps arrays in order', () => {
    expect(canonicalJson({ b: [3, { z: 1, a: null }], a: 'x', u: undefined })).toBe(
      '{"a":"x","b":[3,{"a":null,"z":1}]}',
    );
    expect(canonicalJson([undefined])).toBe('[null]');
  });
});
