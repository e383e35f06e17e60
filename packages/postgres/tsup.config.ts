import { packageBuild } from '../../scripts/tsup-preset';

export default packageBuild(['src/index.ts', 'src/pg.ts', 'src/postgres-js.ts', 'src/pglite.ts']);
