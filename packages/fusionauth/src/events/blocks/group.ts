import { z } from 'zod';
import type { ApplicationRole, Group } from '../generated/types.js';
import { instant, jsonObject, opt } from './helpers.js';

export const applicationRoleObject = z.looseObject({
  id: opt(z.string()),
  description: opt(z.string()),
  insertInstant: opt(instant()),
  isDefault: opt(z.boolean()),
  isSuperRole: opt(z.boolean()),
  lastUpdateInstant: opt(instant()),
  name: opt(z.string()),
});
export const applicationRoleSchema: z.ZodType<ApplicationRole> = applicationRoleObject;

export const groupObject = z.looseObject({
  id: z.string(),
  data: opt(jsonObject()),
  insertInstant: opt(instant()),
  lastUpdateInstant: opt(instant()),
  name: opt(z.string()),
  roles: opt(z.record(z.string(), z.array(applicationRoleSchema))).describe(
    'Application id → roles the group grants in it.',
  ),
  tenantId: opt(z.string()),
});
export const groupSchema: z.ZodType<Group> = groupObject;
