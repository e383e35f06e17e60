import { describe, expect, it } from 'vitest';
import { jobIdOf } from '../src/index.js';
import { toJobId } from '../src/job-id.js';

describe('job ids', () => {
  it('are <provider>.<event id>, readable for the usual ids', () => {
    expect(jobIdOf('fusionauth', '7a3d6e1c-6f1a-4c55-9a0e-2f3b6c1d0e9f')).toBe(
      'fusionauth.7a3d6e1c-6f1a-4c55-9a0e-2f3b6c1d0e9f',
    );
  });

  it('never contain ":" (BullMQ refuses it) and never read as an integer', () => {
    for (const [provider, id] of [
      ['fusionauth', 'a:b:c'],
      ['logto', '12345'],
      ['x', '0'],
    ] as const) {
      const jobId = jobIdOf(provider, id);
      expect(jobId).not.toContain(':');
      expect(`${Number.parseInt(jobId, 10)}`).not.toBe(jobId);
    }
  });

  it('differ for every different provider and id, separators and escapes included', () => {
    const pairs = [
      ['a', 'b.c'],
      ['a.b', 'c'],
      ['a', 'b:c'],
      ['a:b', 'c'],
      ['a', 'b%2Ec'],
      ['a', 'b%3Ac'],
      ['a%', 'b'],
      ['a', '%b'],
    ] as const;
    const ids = pairs.map(([provider, id]) => jobIdOf(provider, id));
    expect(new Set(ids).size).toBe(pairs.length);
  });

  it('are also reached as <provider>:<event id>, the form a user knows from the event', () => {
    expect(toJobId('fusionauth:7a3d')).toBe('fusionauth.7a3d');
    expect(toJobId('fusionauth.7a3d')).toBe('fusionauth.7a3d');
    expect(toJobId('logto:a:b')).toBe(jobIdOf('logto', 'a:b'));
  });
});
