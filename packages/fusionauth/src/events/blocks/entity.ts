import { z } from 'zod';
import { instant, jsonObject, opt } from './helpers.js';

export const entityTypePermissionSchema = z.looseObject({
  id: opt(z.string()),
  data: opt(jsonObject()),
  description: opt(z.string()),
  insertInstant: opt(instant()),
  isDefault: opt(z.boolean()),
  lastUpdateInstant: opt(instant()),
  name: opt(z.string()),
});

export const entityTypeSchema = z.looseObject({
  id: opt(z.string()),
  data: opt(jsonObject()),
  insertInstant: opt(instant()),
  jwtConfiguration: opt(
    z.looseObject({
      accessTokenKeyId: opt(z.string()),
      enabled: opt(z.boolean()),
      timeToLiveInSeconds: opt(z.number()),
    }),
  ),
  lastUpdateInstant: opt(instant()),
  name: opt(z.string()),
  permissions: opt(z.array(entityTypePermissionSchema)),
});

export const entitySchema = z.looseObject({
  id: z.string(),
  clientId: opt(z.string()),
  clientSecret: opt(z.string()),
  data: opt(jsonObject()),
  insertInstant: opt(instant()),
  lastUpdateInstant: opt(instant()),
  name: opt(z.string()),
  parentId: opt(z.string()),
  tenantId: opt(z.string()),
  type: opt(entityTypeSchema),
});

export type EntityType = z.output<typeof entityTypeSchema>;
export type Entity = z.output<typeof entitySchema>;
