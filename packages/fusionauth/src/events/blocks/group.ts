import { z } from 'zod';
import { instant, jsonObject, opt } from './helpers.js';

export const applicationRoleSchema = z.looseObject({
  id: opt(z.string()),
  description: opt(z.string()),
  insertInstant: opt(instant()),
  isDefault: opt(z.boolean()),
  isSuperRole: opt(z.boolean()),
  lastUpdateInstant: opt(instant()),
  name: opt(z.string()),
});

export const groupSchema = z.looseObject({
  id: z.string(),
  data: opt(jsonObject()),
  insertInstant: opt(instant()),
  lastUpdateInstant: opt(instant()),
  name: opt(z.string()),
  /** Application id → roles the group grants in it. */
  roles: opt(z.record(z.string(), z.array(applicationRoleSchema))),
  tenantId: opt(z.string()),
});

export type ApplicationRole = z.output<typeof applicationRoleSchema>;
export type Group = z.output<typeof groupSchema>;
