import { z } from 'zod';
import { jsonObject, opt } from './helpers.js';
import { locationSchema } from './location.js';

/** `event.info`: where the request that caused the event came from (since 1.30.0). */
export const eventInfoSchema = z.looseObject({
  data: opt(jsonObject()),
  deviceDescription: opt(z.string()),
  deviceName: opt(z.string()),
  deviceType: opt(z.string()),
  ipAddress: opt(z.string()),
  location: opt(locationSchema),
  os: opt(z.string()),
  userAgent: opt(z.string()),
});

export type EventInfo = z.output<typeof eventInfoSchema>;
