import { groupSchema } from './blocks/group.js';
import { opt } from './blocks/helpers.js';

export const group = { group: groupSchema };
export const groupWithOriginal = { group: groupSchema, original: opt(groupSchema) };
