import { expect, it } from 'vitest';
// @ts-expect-error a plain .mjs script without types
import { snippetProblems } from '../../scripts/check-readme-snippets.mjs';

it('every TypeScript block in the READMEs is a region of a file the consumer test compiles', () => {
  expect(snippetProblems()).toEqual([]);
});
