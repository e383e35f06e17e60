import { z } from 'zod';
import { groupSchema } from './blocks/group.js';
import { groupMemberSchema } from './blocks/group-member.js';
import { opt } from './blocks/helpers.js';

export const groupMembers = { group: groupSchema, members: opt(z.array(groupMemberSchema)) };
