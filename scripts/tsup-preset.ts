import { fileURLToPath } from 'node:url';
import { defineConfig, type Options } from 'tsup';

/** One build recipe for every package: ESM + CJS + declarations, Node 20 target. */
export function packageBuild(entry: string[], overrides: Options = {}) {
  return defineConfig({
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
    splitting: false,
    treeshake: true,
    tsconfig: fileURLToPath(new URL('../tsconfig.build.json', import.meta.url)),
    ...overrides,
  });
}
