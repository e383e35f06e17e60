import { describe, expect, it } from 'vitest';
import {
  eventInterfaceName,
  generate,
  generatedDir,
  repoRoot,
  schemaConstName,
  staleFiles,
} from '../scripts/generate.js';
import { logtoCatalogue } from '../src/events/catalogue.js';
import * as logto from '../src/index.js';

describe('generated TypeScript', () => {
  const files = generate();

  it('the checked-in files are what the generator writes (run `pnpm --filter @authhooks/logto generate` otherwise)', () => {
    expect(staleFiles(repoRoot, files)).toEqual([]);
    expect([...files.keys()]).toEqual([`${generatedDir}/types.ts`, `${generatedDir}/schemas.ts`]);
    expect([...generate()]).toEqual([...files]);
  });

  it('reports a changed file, and one it no longer writes, as stale', () => {
    const changed = new Map(files).set(`${generatedDir}/types.ts`, 'edited\n');
    expect(staleFiles(repoRoot, changed)).toEqual([`${generatedDir}/types.ts`]);
    const fewer = new Map(files);
    fewer.delete(`${generatedDir}/schemas.ts`);
    expect(staleFiles(repoRoot, fewer)).toEqual([`${generatedDir}/schemas.ts`]);
  });

  it('names each event as the package always did; each schema constant is the catalogue’s schema', () => {
    expect(eventInterfaceName('User.Data.Updated')).toBe('LogtoUserDataUpdatedEvent');
    expect(schemaConstName('PostSignInAdaptiveMfaTriggered')).toBe('postSignInAdaptiveMfaTriggeredSchema');
    expect(logto.logtoEventTypes).toEqual(Object.keys(logtoCatalogue));
    expect(logto.logtoEventTypes).toHaveLength(31);
    for (const type of logto.logtoEventTypes) {
      expect((logto as Record<string, unknown>)[schemaConstName(type)], type).toBe(
        logto.logtoEventSchemas[type],
      );
    }
  });

  it('each schema accepts only its own event name', () => {
    for (const type of logto.logtoEventTypes) {
      const eventIssues = (event: string) =>
        logto.logtoEventSchemas[type]
          .safeParse({ event, hookId: 'h', createdAt: '2026-08-20T09:21:30.870Z' })
          .error?.issues.filter((issue) => issue.path[0] === 'event') ?? [];
      expect(eventIssues(type), type).toEqual([]);
      expect(eventIssues('Other.Event'), type).not.toEqual([]);
    }
  });
});
