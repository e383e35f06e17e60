import { packageBuild } from '../../scripts/tsup-preset';

// Two entries share one copy of the pipeline (errors, readers, policy) through split chunks, so a value
// created by `@authhooks/core/node` is the same kind of thing as one from `@authhooks/core`.
export default packageBuild(['src/index.ts', 'src/node.ts', 'src/schema.ts'], { splitting: true });
