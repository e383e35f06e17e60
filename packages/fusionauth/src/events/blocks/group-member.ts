import { z } from 'zod';
import type { GroupMember } from '../generated/types.js';
import { instant, jsonObject, opt } from './helpers.js';

export const groupMemberObject = z.looseObject({
  id: opt(z.string()),
  data: opt(jsonObject()),
  groupId: opt(z.string()),
  insertInstant: opt(instant()),
  userId: opt(z.string()),
});
export const groupMemberSchema: z.ZodType<GroupMember> = groupMemberObject;
