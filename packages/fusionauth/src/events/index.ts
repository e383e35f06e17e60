// The public surface of the events: types (generated interfaces), the type list and metadata, and
// every schema typed `Schema<Interface>` (generated/schemas.ts). The zod objects themselves stay
// inside the package, so a user's type-check never loads zod's declarations.
export type { OpenEnum } from '@authhooks/core';
export type { FusionAuthEventScope } from './catalogue.js';
export { fusionAuthEventTypes, fusionAuthTypeAliases } from './event-types.js';
export * from './generated/schemas.js';
export type * from './generated/types.js';
export { type FusionAuthEventMetadata, fusionAuthEventMetadata, isTransactional } from './metadata.js';
export { type FusionAuthEventSchemas, fusionAuthEventSchemas } from './schemas.js';
