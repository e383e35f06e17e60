import { entitySchema } from './blocks/entity.js';
import { opt } from './blocks/helpers.js';

export const entity = { entity: entitySchema };
export const entityWithOriginal = { entity: entitySchema, original: opt(entitySchema) };
