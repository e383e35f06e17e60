// `@authhooks/core/schema`: zod helpers for provider packages that build schemas. Kept out of the main
// entry so that a user's type-check of `@authhooks/core` never loads zod's declarations.
export { openEnum, opt } from './schema/helpers.js';
export type { OpenEnum, Schema, SchemaResult } from './schema/schema.js';
