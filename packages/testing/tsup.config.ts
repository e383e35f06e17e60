import { readFileSync } from 'node:fs';
import { packageBuildBundlingIntoCjs } from '../../scripts/tsup-preset';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

// The CLI (bin `authhooks`, dist/cli.js) shares the library's code through split chunks; tsup keeps its
// node shebang and marks it executable. jose is ESM-only: the CJS build carries its own copy.
export default packageBuildBundlingIntoCjs(['src/index.ts', 'src/cli.ts'], ['jose'], {
  splitting: true,
  define: { AUTHHOOKS_VERSION: JSON.stringify(version) },
});
