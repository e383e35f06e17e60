import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docsFile, generate, jsonSchemaOf, repoRoot, schemasDir, staleFiles } from '../scripts/generate.js';
import { fusionAuthEventTypes } from '../src/events/index.js';

describe('generated JSON Schemas and docs', () => {
  const files = generate();

  it('the checked-in files are what the generator writes (run `pnpm generate` otherwise)', () => {
    expect(staleFiles(repoRoot, files)).toEqual([]);
  });

  it('covers every type plus the index and the docs page, deterministically', () => {
    expect(files.size).toBe(fusionAuthEventTypes.length + 2);
    expect(files.has(docsFile)).toBe(true);
    expect([...generate()]).toEqual([...files]);
    for (const content of files.values()) expect(content).toMatch(/[^\n]\n$/);
  });

  it('a schema file describes its event', () => {
    const schema = JSON.parse(readFileSync(join(repoRoot, schemasDir, 'user.delete.json'), 'utf8'));
    expect(schema).toEqual(jsonSchemaOf('user.delete'));
    expect(schema.required).toEqual(['type', 'id', 'user']);
    expect(schema.$defs.User.required).toEqual(['id']);
  });

  it('reports a changed file as stale', () => {
    const changed = new Map(files).set(docsFile, 'edited\n');
    expect(staleFiles(repoRoot, changed)).toEqual([docsFile]);
  });
});
