import { z } from 'zod';
import type { Location } from '../generated/types.js';
import { opt } from './helpers.js';

export const locationObject = z.looseObject({
  city: opt(z.string()),
  country: opt(z.string()),
  displayString: opt(z.string()),
  latitude: opt(z.number()),
  longitude: opt(z.number()),
  region: opt(z.string()),
  zipcode: opt(z.string()),
});
export const locationSchema: z.ZodType<Location> = locationObject;
