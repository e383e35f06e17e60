import { fileURLToPath } from 'node:url';
import { defineConfig, type Options } from 'tsup';

/** One build recipe for every package: ESM + CJS + declarations, Node 20 target. */
export function packageBuild(entry: string[], overrides: Options = {}) {
  return defineConfig({ ...base(entry), ...overrides });
}

/**
 * The same, with some ESM-only dependencies (jose) bundled into the CJS build, so that `require()`
 * works on every Node 20 and in Jest's CommonJS mode; the ESM build keeps importing them.
 */
export function packageBuildBundlingIntoCjs(entry: string[], bundled: string[], overrides: Options = {}) {
  return defineConfig([
    { ...base(entry), ...overrides, format: ['esm'] },
    { ...base(entry), ...overrides, format: ['cjs'], clean: false, noExternal: bundled },
  ]);
}

function base(entry: string[]): Options {
  return {
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
    splitting: false,
    treeshake: true,
    tsconfig: fileURLToPath(new URL('../tsconfig.build.json', import.meta.url)),
  };
}
