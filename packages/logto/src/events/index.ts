// Types (generated interfaces) and every schema typed `Schema<Interface>`; the zod objects stay inside.
export * from './generated/schemas.js';
export type * from './generated/types.js';
export { type LogtoEventSchemas, logtoEventSchemas, logtoEventTypes } from './schemas.js';
