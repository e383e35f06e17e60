export { userEntitySchema, userProfileSchema } from './common.js';
export * from './generated/schemas.js';
export type * from './generated/types.js';
export { type LogtoEventSchemas, logtoEventSchemas, logtoEventTypes } from './schemas.js';
