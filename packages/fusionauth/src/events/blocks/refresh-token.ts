import { z } from 'zod';
import type { RefreshToken } from '../generated/types.js';
import { instant, jsonObject, opt, stringList } from './helpers.js';

export const refreshTokenObject = z.looseObject({
  id: opt(z.string()),
  applicationId: opt(z.string()),
  data: opt(jsonObject()),
  insertInstant: opt(instant()),
  metaData: opt(
    z.looseObject({
      data: opt(jsonObject()),
      device: opt(
        z.looseObject({
          description: opt(z.string()),
          lastAccessedAddress: opt(z.string()),
          lastAccessedInstant: opt(instant()),
          name: opt(z.string()),
          type: opt(z.string()),
        }),
      ),
      resources: opt(stringList()),
      scopes: opt(stringList()),
    }),
  ),
  startInstant: opt(instant()),
  tenantId: opt(z.string()),
  token: opt(z.string()),
  userId: opt(z.string()),
});
export const refreshTokenSchema: z.ZodType<RefreshToken> = refreshTokenObject;
