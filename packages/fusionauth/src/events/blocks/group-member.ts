import { z } from 'zod';
import { instant, jsonObject, opt } from './helpers.js';

export const groupMemberSchema = z.looseObject({
  id: opt(z.string()),
  data: opt(jsonObject()),
  groupId: opt(z.string()),
  insertInstant: opt(instant()),
  userId: opt(z.string()),
});

export type GroupMember = z.output<typeof groupMemberSchema>;
