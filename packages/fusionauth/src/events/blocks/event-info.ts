import { z } from 'zod';
import type { EventInfo } from '../generated/types.js';
import { jsonObject, opt } from './helpers.js';
import { locationSchema } from './location.js';

export const eventInfoObject = z
  .looseObject({
    data: opt(jsonObject()),
    deviceDescription: opt(z.string()),
    deviceName: opt(z.string()),
    deviceType: opt(z.string()),
    ipAddress: opt(z.string()),
    location: opt(locationSchema),
    os: opt(z.string()),
    userAgent: opt(z.string()),
  })
  .describe('`event.info`: where the request that caused the event came from (since 1.30.0).');
export const eventInfoSchema: z.ZodType<EventInfo> = eventInfoObject;
