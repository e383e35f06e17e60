import { z } from 'zod';
import type { Entity, EntityType, EntityTypePermission } from '../generated/types.js';
import { instant, jsonObject, opt, stringList } from './helpers.js';

export const entityTypePermissionObject = z.looseObject({
  id: opt(z.string()),
  data: opt(jsonObject()),
  description: opt(z.string()),
  insertInstant: opt(instant()),
  isDefault: opt(z.boolean()),
  lastUpdateInstant: opt(instant()),
  name: opt(z.string()),
});
export const entityTypePermissionSchema: z.ZodType<EntityTypePermission> = entityTypePermissionObject;

export const entityTypeObject = z.looseObject({
  id: opt(z.string()),
  data: opt(jsonObject()),
  insertInstant: opt(instant()),
  jwtConfiguration: opt(
    z.looseObject({
      accessTokenKeyId: opt(z.string()),
      accessTokenVerificationKeyIds: opt(stringList()),
      enabled: opt(z.boolean()),
      timeToLiveInSeconds: opt(z.number()),
    }),
  ),
  lastUpdateInstant: opt(instant()),
  name: opt(z.string()),
  permissions: opt(z.array(entityTypePermissionSchema)),
});
export const entityTypeSchema: z.ZodType<EntityType> = entityTypeObject;

export const entityObject = z.looseObject({
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
export const entitySchema: z.ZodType<Entity> = entityObject;
