import { z } from 'zod';
import { opt } from './blocks/helpers.js';
import { userSchema } from './blocks/user.js';

export const user = { user: userSchema };
export const userWithOriginal = { user: userSchema, original: opt(userSchema) };
export const bulkUsers = { users: z.array(userSchema) };
