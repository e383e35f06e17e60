import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * `@authhooks/<name>[/<subpath>]` → its TypeScript source, read from each package's `exports` map
 * (`./dist/node.js` → `./src/node.ts`). The `source` project runs against these; the `dist` project
 * has no aliases, so it resolves the packages as a user's app does: through node_modules to `dist/`.
 */
function sourceAliases() {
  const aliases: { find: RegExp; replacement: string }[] = [];
  for (const dir of readdirSync(`${root}packages`)) {
    const manifest = JSON.parse(readFileSync(`${root}packages/${dir}/package.json`, 'utf8'));
    for (const [subpath, target] of Object.entries<{ import?: { default?: string } }>(manifest.exports)) {
      const built = target.import?.default;
      if (built === undefined) continue;
      const name = `${manifest.name}${subpath.slice(1)}`.replace(/[/.]/g, (c) => `\\${c}`);
      const source = built.replace(/^\.\/dist\//, './src/').replace(/\.js$/, '.ts');
      aliases.push({
        find: new RegExp(`^${name}$`),
        replacement: `${root}packages/${dir}/${source.slice(2)}`,
      });
    }
  }
  return aliases;
}

/** Tests of what users run: every adapter over HTTP, the examples, the security and reliability suites. */
const overBuiltPackages = ['test/**/*.test.ts', 'examples/*/test/**/*.test.ts'];
/**
 * Tests that only ever use the built or packed packages (tarballs, other runtimes, `next build`): run
 * once, in their own project, after the others (`groupOrder`), so their installs and builds never
 * compete for the CPU with the timing-sensitive suites.
 */
const builtOnly = ['test/consumer/**', 'test/runtimes/**', 'examples/nextjs/**'];
const builtOnlyTests = builtOnly.map((dir) => `${dir}/*.test.ts`);

// Tests that start child processes read AUTHHOOKS_TEST_TARGET to run them the same way: `source` with
// tsx (which resolves @authhooks/* by tsconfig paths), `dist` with plain node over the built packages.
const shared = {
  testTimeout: 20_000,
  hookTimeout: 30_000,
  // Stops, in afterAll of every file, each child process the support helpers started (test/support/processes.ts).
  setupFiles: ['./test/support/setup/stop-processes.ts'],
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias: sourceAliases() },
        test: {
          ...shared,
          name: 'source',
          sequence: { groupOrder: 0 },
          env: { AUTHHOOKS_TEST_TARGET: 'source' },
          include: ['packages/*/test/**/*.test.ts', ...overBuiltPackages],
          exclude: [...configDefaults.exclude, ...builtOnly],
          typecheck: {
            enabled: true,
            include: ['packages/*/test/**/*.test-d.ts', 'test/**/*.test-d.ts'],
            tsconfig: './tsconfig.json',
          },
        },
      },
      {
        test: {
          ...shared,
          name: 'dist',
          sequence: { groupOrder: 0 },
          include: overBuiltPackages,
          exclude: [...configDefaults.exclude, ...builtOnly],
          env: { AUTHHOOKS_TEST_TARGET: 'dist' },
        },
      },
      {
        test: {
          ...shared,
          name: 'packed',
          include: builtOnlyTests,
          env: { AUTHHOOKS_TEST_TARGET: 'dist' },
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
